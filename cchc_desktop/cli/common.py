"""What every ``cchc`` command shares: exit codes, the usage error, finding lines."""

from cchc_desktop.catalogue import Severity
from cchc_desktop.checks import Finding, Status

EXIT_ERRORS = 1
EXIT_USAGE = 2

_SEVERITY_WORDS = {Severity.ERROR: "LỖI", Severity.WARNING: "CẢNH BÁO"}


class UsageError(Exception):
    """Bad usage or bad input: the message is shown and the exit code is 2."""


def finding_line(finding: Finding) -> str:
    """One finding as a line of text: its kind, section and message."""
    kind = "CHỜ SỐ LIỆU" if finding.status == Status.PENDING else _SEVERITY_WORDS[finding.severity]
    return f"{kind} [{finding.section}] {finding.message}"
