"""Bundles: one report revision as a self-checking JSON file for the province office.

The commune exports (:func:`export_bundle`), the province reads
(:func:`read_bundle`, :func:`parse_bundle`). The format is described in
:mod:`cchc_desktop.bundle.format` and by the JSON Schema in
``resources/schema/cchc-bundle-v1.schema.json``.
"""

from cchc_desktop.bundle.building import (
    ascii_name,
    build_bundle,
    bundle_file_name,
    bundle_report,
)
from cchc_desktop.bundle.export import (
    ExportError,
    PreparedBundle,
    export_bundle,
    prepare_bundle,
    write_bundle_file,
)
from cchc_desktop.bundle.format import (
    FILE_SUFFIX,
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_BUNDLE_BYTES,
    Bundle,
    BundleError,
    BundleFinding,
    bundle_bytes,
)
from cchc_desktop.bundle.reading import parse_bundle, read_bundle

__all__ = [
    "FILE_SUFFIX",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_BUNDLE_BYTES",
    "Bundle",
    "BundleError",
    "BundleFinding",
    "ExportError",
    "PreparedBundle",
    "ascii_name",
    "build_bundle",
    "bundle_bytes",
    "bundle_file_name",
    "bundle_report",
    "export_bundle",
    "parse_bundle",
    "prepare_bundle",
    "read_bundle",
    "write_bundle_file",
]
