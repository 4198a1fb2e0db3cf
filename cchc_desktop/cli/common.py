"""What every ``cchc`` command shares: exit codes, the usage error, finding lines."""

from collections.abc import Sequence

from cchc_desktop.checks import Finding, FindingKind, Kinds, counts_text, kind_label
from cchc_desktop.os_words import os_error_words

EXIT_ERRORS = 1
EXIT_USAGE = 2


class UsageError(Exception):
    """Bad usage or bad input: the message is shown and the exit code is 2."""


def write_failed(path: object, error: OSError) -> UsageError:
    """A file that could not be written (missing or read-only folder, full disk), in words."""
    return UsageError(f"không ghi được tệp {path}: {os_error_words(error, writing=True)}")


def finding_line(finding: Finding, kinds: Kinds) -> str:
    """One finding as a line of text: its kind as the wizard names it, section and message.

    ``LỖI``, ``CẢNH BÁO``, ``CÒN THIẾU`` (a required figure, text or header field)
    or ``CHỜ SỐ LIỆU`` (a rule some of whose figures are not typed yet).
    """
    return f"{kind_label(kinds(finding))} [{finding.section}] {finding.message}"


def findings_total(findings: Sequence[Finding], kinds: Kinds) -> str:
    """``3 lỗi, 1 cảnh báo, 7 mục còn thiếu, 2 quy tắc chưa kiểm tra được.``: the
    wizard's words; errors, warnings and missing entries are said even when 0."""
    found: list[FindingKind] = [kinds(f) for f in findings]
    return counts_text(found, zero=True) + "."
