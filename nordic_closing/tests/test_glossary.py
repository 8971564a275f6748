"""One term per thing: the workbook's labels say the glossary's word in every
language, and the engine's notes are written in the document's language.

The expected words are the accountants' (README, "Glossary"), written out here by
hand: Norwegian inngående/utgående beholdning and tilvirkning, Swedish företag and
alternativregeln, Danish regnskabsgrundlag, postering and forskel, Finnish
vaihto-omaisuusryhmä, jälleenhankintameno and kirjaus."""

from datetime import date
from decimal import Decimal as D

import pytest
from nordic_closing import ClosingOptions, ItemStock, compute_closing
from nordic_closing.closing import methods_named, methods_used
from nordic_closing.glossary import LANGUAGES, TERMS, missing_terms
from nordic_closing.labels import LABELS, format_amount, labels

NBSP = "\u00a0"

#: {label key: {language: the word}}: the terms issue 23 found said two ways
EXPECTED = {
    "opening_value": {
        "nb": "Inngående beholdning",
        "sv": "Ingående lager",
        "da": "Varebeholdning primo",
        "fi": "Alkuvarasto",
    },
    "closing_value": {
        "nb": "Utgående beholdning",
        "sv": "Utgående lager",
        "da": "Varebeholdning ultimo",
        "fi": "Loppuvarasto",
    },
    "purchases_or_production": {
        "nb": "Innkjøp / tilvirkning",
        "sv": "Inköp / tillverkning",
        "da": "Køb / fremstilling",
        "fi": "Ostot / valmistus",
    },
    "company": {"nb": "Selskap", "sv": "Företag", "da": "Virksomhed", "fi": "Yritys"},
    "framework": {
        "nb": "Regelverk",
        "sv": "Regelverk",
        "da": "Regnskabsgrundlag",
        "fi": "Tilinpäätösnormisto",
    },
    "entry_number": {
        "nb": "Bilag",
        "sv": "Verifikation",
        "da": "Postering",
        "fi": "Kirjaus",
    },
    "difference": {
        "nb": "Forskjell",
        "sv": "Skillnad",
        "da": "Forskel",
        "fi": "Erotus",
    },
    "inventory_class": {
        "nb": "Varelagerklasse",
        "sv": "Lagerklass",
        "da": "Lagerklasse",
        "fi": "Vaihto-omaisuusryhmä",
    },
    "replacement_value": {
        "nb": "Gjenanskaffelsesverdi",
        "sv": "Återanskaffningsvärde",
        "da": "Genanskaffelsesværdi",
        "fi": "Jälleenhankintameno",
    },
}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_the_workbook_says_the_accountants_word(key):
    for lang, word in EXPECTED[key].items():
        assert labels(lang)[key] == word, (key, lang)


def test_every_label_says_the_glossary_terms():
    """Wherever an English label names a glossary term, each translation says the
    glossary's word, and none says a word the glossary replaced."""
    problems = [
        (key, lang, found)
        for key, texts in LABELS.items()
        for index, lang in enumerate(LANGUAGES)
        if lang != "en"
        for found in missing_terms(texts[0], texts[index], lang)
    ]
    assert problems == []


def test_the_check_finds_the_words_issue_23_found():
    """The old second words are found (the check of the .po files can fail)."""
    assert missing_terms("Opening value", "Inngående verdi", "nb")
    assert missing_terms("Purchases / production", "Innkjøp / produksjon", "nb")
    assert missing_terms("Company", "Firma", "nb")
    assert missing_terms("Company", "Bolag", "sv")
    assert missing_terms("The 97 % rule is not used", "97 %-regeln används inte", "sv")
    assert missing_terms("Framework", "Regelsæt", "da")
    assert missing_terms("Difference", "Difference", "da")
    assert missing_terms("Inventory class", "Varastoluokka", "fi")
    assert missing_terms("Replacement value", "Jälleenhankintahinta", "fi")
    # a placeholder is no word: "%(difference)s" in a Danish text is not English
    assert not missing_terms(
        "(difference %(difference)s)", "(forskel %(difference)s)", "da"
    )
    # price differences are "prisavvik", not the difference of a comparison
    assert not missing_terms("price differences", "prisavvik", "nb")


def test_glossary_has_every_language():
    for key, texts in TERMS.items():
        assert set(texts) == set(LANGUAGES), key


def test_amounts_as_each_language_writes_them():
    assert format_amount(D("12345.6"), "en") == "12,345.60"
    assert format_amount(D("12345.6"), "nb") == f"12{NBSP}345,60"
    assert format_amount(D("-12345.6"), "da") == "-12.345,60"
    assert format_amount(D("1234567"), "fi") == f"1{NBSP}234{NBSP}567,00"


def _danish_lamp(lang, method="fifo"):
    """Denmark, product group G at dagspris: the lamp, 100 @ 100.00 = 10,000.00,
    sells for 60 (write-down 100 × 40 = 4,000.00), dagspris 65 below its cost of
    100: written down and taken for tax at a dagspris below cost. Group H at
    purchase price: 10 @ 50 = 500.00."""
    items = [
        ItemStock(
            "DK-LAMPE-500",
            "goods_for_resale",
            D(100),
            D("10000.00"),
            net_realisable_value=D(60),
            replacement_cost=D(65),
            tax_group="G",
        ),
        ItemStock("DK-SKRUE", "raw_material", D(10), D("500.00"), tax_group="H"),
    ]
    options = ClosingOptions(
        country="DK",
        balance_date=date(2025, 12, 31),
        framework="B",
        tax_principles={"G": "dagspris", "H": "purchase_price"},
        class_methods={"raw_material": method},
        lang=lang,
    )
    return compute_closing(items, options, ledger={})


def test_danish_notes_are_danish():
    """The note issue 23 found in English on a Danish screen, now in Danish."""
    result = _danish_lamp("da", method="average")
    assert result.notes == [
        "varelagerloven § 1: den skattemæssige værdi til indkøbs- eller "
        "fremstillingspris accepteres kun efter FIFO (Den juridiske vejledning "
        "C.C.2.3.1.6); her er den opgjort efter vejet gennemsnit (Råvarer): opgør "
        "den igen efter FIFO til selvangivelsen",
        "varelagerloven § 1: DK-LAMPE-500 er nedskrevet og skattemæssigt "
        "værdiansat til en dagspris under kostprisen: hvor det er dagsprisen for "
        "tilsvarende ukurante varer, skal de oplyses sammen med selvangivelsen "
        "(Den juridiske vejledning C.C.2.3.1.6)",
    ]
    english = _danish_lamp("en", method="average").notes
    assert "written down and taken for tax" in english[1]
    assert "weighted average (Raw materials)" in english[0]


def test_swedish_97_rule_note_names_the_method_and_writes_swedish_amounts():
    """Sweden K2, 97 % rule on the contra accounts: goods for resale 100 @ 100 =
    10,000.00 (FIFO) and raw materials (Råvaror) 20 @ 100 = 2,000.00 at weighted
    average, no write-down: main rule 12,000.00; 97 % of 12,000.00 = 11,640.00
    is lower, the 3 % = 360.00 is booked."""
    items = [
        ItemStock("X", "goods_for_resale", D(100), D("10000.00")),
        ItemStock("R", "raw_material", D(20), D("2000.00")),
    ]
    options = ClosingOptions(
        country="SE",
        balance_date=date(2025, 12, 31),
        framework="K2",
        rule_97="contra",
        class_methods={"raw_material": "average"},
        lang="sv",
    )
    result = compute_closing(items, options, ledger={})
    assert result.notes == [
        f"Alternativregeln (IL 17:4): 97 % av anskaffningsvärdet 12{NBSP}000,00 är "
        f"11{NBSP}640,00, lägre än huvudregeln 12{NBSP}000,00; de 3 % (360,00) har "
        "bokförts på lagrets värdeminskningskonton",
        "Alternativregeln har beräknats på anskaffningsvärdet enligt vägt "
        "genomsnitt (Råvaror): IL 17:3 förutsätter FIFU; "
        "kontrollera att de två inte skiljer sig väsentligt",
    ]


def test_a_class_of_two_methods_is_named_under_both():
    """Raw materials whose products are partly FIFO, partly at weighted average:
    the principles name both methods for the class, not FIFO alone."""
    items = [
        ItemStock("X", "goods_for_resale", D(1), D("10.00")),
        ItemStock("R", "raw_material", D(1), D("10.00")),
    ]
    options = ClosingOptions(
        country="SE",
        balance_date=date(2025, 12, 31),
        framework="K3",
        class_methods={"raw_material": "fifo"},
        class_method_mix={"raw_material": ("fifo", "average")},
        lang="en",
    )
    result = compute_closing(items, options, ledger={})
    used = methods_used(options, result.classes)
    assert used == {
        "fifo": ["raw_material", "goods_for_resale"],
        "average": ["raw_material"],
    }
    assert methods_named(labels("en"), used, sentence=False) == (
        "FIFO (Raw materials, Goods for resale); Weighted average (Raw materials)"
    )
