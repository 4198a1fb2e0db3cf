"""The built-in demo report: every section filled, no error for the checker, clean text."""

import unicodedata

import pytest

from cchc_desktop.catalogue import Severity, load_catalogue
from cchc_desktop.checks import check_report, compute_derived
from cchc_desktop.demo import DEMO_PERIOD, NARRATIVES, VALUES, create_demo_report, demo_report
from cchc_desktop.narrative_numbers import narrative_findings
from cchc_desktop.narrative_numbers.figures import matcher_for
from cchc_desktop.narrative_numbers.layout import Layout
from cchc_desktop.narrative_numbers.text import prepare
from cchc_desktop.store import Store

CATALOGUE = load_catalogue()


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "demo.sqlite3", load_catalogue(), keep_backups=0) as opened:
        yield opened


def test_demo_report_has_no_error_finding(store):
    report = store.load(create_demo_report(store))
    findings = check_report(store.catalogue, report)
    assert [f.message for f in findings if f.severity == Severity.ERROR] == []
    # without an earlier report only the cross-period comparisons wait
    assert {f.rule_id for f in findings} <= {
        r.id for r in store.catalogue.rules if r.kind == "cross_period"
    }


def test_demo_report_fills_every_section(store):
    report = store.load(create_demo_report(store))
    catalogue = store.catalogue
    for section in catalogue.sections:
        typed = [i.id for i in catalogue.section_indicators(section.id) if not i.derived]
        assert [i for i in typed if i not in report.values] == [], section.id
        for narrative in section.narratives:
            text = report.narratives.get(section.narrative_key(narrative.id), "")
            assert text.strip(), f"{section.id}.{narrative.id}"
    derived = {i.id for i in catalogue.indicators if i.derived}
    assert derived == set(compute_derived(catalogue, report.values))  # no zero denominator


def test_demo_report_quotes_the_reference_figures(store):
    report = store.load(create_demo_report(store))
    assert report.unit.code == "11074"
    assert report.unit.name == "Xã Tứ Kỳ"
    assert report.period == DEMO_PERIOD
    values = report.values
    assert values["tthc.ho_so.tiep_nhan"] == 907
    assert values["tthc.ho_so.truc_tuyen"] + values["tthc.ho_so.truc_tiep"] == 907
    assert values["tthc.thu_tuc.tong"] == 164
    assert values["to_chuc.cbcc.tong"] == 17
    assert values["to_chuc.bien_che.cbcc"] == 18
    derived = compute_derived(store.catalogue, values)
    assert str(derived["tthc.dinh_danh.ty_le_thu_nhan"]) == "90.87"


def test_demo_narratives_leave_the_figures_to_the_printed_sentences():
    # the PDF writes every figure as a sentence before the clerk's text: a narrative that
    # quoted them would print them twice
    assert narrative_findings(CATALOGUE, VALUES, NARRATIVES) == []
    matcher = matcher_for(CATALOGUE)
    quoted = {
        key: [m.indicator for m in matcher.mentions(Layout(prepare(text)), key.split(".")[0])]
        for key, text in NARRATIVES.items()
    }
    assert {key: found for key, found in quoted.items() if found} == {}


def test_demo_header_is_complete_and_nfc(store):
    report = store.load(create_demo_report(store))
    header = report.header
    assert header.place == "Tứ Kỳ"
    assert header.signer.authority == "TM"
    assert header.signer.title == "CHỦ TỊCH"
    assert header.signer.name
    assert header.recipients[-1] == "Lưu: VT, VP."
    assert len(header.citations) >= 2
    assert header.contacts
    texts = [*report.narratives.values(), *header.recipients, header.preamble]
    assert all(unicodedata.is_normalized("NFC", t) for t in texts)


def test_a_second_demo_in_the_same_database_is_refused(store):
    create_demo_report(store)
    with pytest.raises(ValueError):
        create_demo_report(store)


def test_demo_report_is_made_once_and_found_after(store):
    first = demo_report(store)
    assert demo_report(store) == first
    assert len(store.list_reports()) == 1
