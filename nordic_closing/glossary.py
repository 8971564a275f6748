"""One term per thing: the words the closing uses in every language.

The form, the PDFs, the entry, the workbook and the command line say the same word
for the same thing: the engine's labels (``labels.py``) take these terms, and the
Odoo translations (``i18n/*.po``) are checked against them (``missing_terms``).

Each term is the one an accountant of the country uses: Norwegian regnskapsloven
and bokføring, Swedish BFNAR/K2/K3 and IL 17 kap. (the 97 % rule is
"alternativregeln"), Danish årsregnskabsloven, Finnish KPL/KPA.

``TERMS``: ``{key: {language: the term as a label}}``.
``MATCH`` (in ``glossary_match.py``): ``{key: {language: regular expression}}``:
how the term shows in a sentence (inflected: "selskapets", "företaget",
"vaihto-omaisuusryhmän"); English: where a text names the thing, the translation
must match the language's pattern.
"""

import re

from .glossary_match import AVOID, MATCH, PLACEHOLDER, TAGS

LANGUAGES = ("en", "nb", "sv", "da", "fi")

TERMS = {
    "inventory_closing": {
        "en": "Inventory closing",
        "nb": "Varelageravslutning",
        "sv": "Lagerbokslut",
        "da": "Lagerafslutning",
        "fi": "Varaston tilinpäätös",
    },
    "count_list": {
        "en": "Count list",
        "nb": "Varetellingsliste",
        "sv": "Inventeringslista",
        "da": "Optællingsliste",
        "fi": "Inventaariolista",
    },
    "stock_equation": {
        "en": "Stock equation",
        "nb": "Lagerligning",
        "sv": "Lagerekvation",
        "da": "Vareforbrugsopgørelse",
        "fi": "Varastolaskelma",
    },
    "company": {
        "en": "Company",
        "nb": "Selskap",
        "sv": "Företag",
        "da": "Virksomhed",
        "fi": "Yritys",
    },
    "framework": {
        "en": "Framework",
        "nb": "Regelverk",
        "sv": "Regelverk",
        "da": "Regnskabsgrundlag",
        "fi": "Tilinpäätösnormisto",
    },
    "journal_entry": {
        "en": "Journal entry",
        "nb": "Bilag",
        "sv": "Verifikation",
        "da": "Postering",
        "fi": "Kirjaus",
    },
    "inventory_class": {
        "en": "Inventory class",
        "nb": "Varelagerklasse",
        "sv": "Lagerklass",
        "da": "Lagerklasse",
        "fi": "Vaihto-omaisuusryhmä",
    },
    "inventory_classes": {
        "en": "Inventory classes",
        "nb": "Varelagerklasser",
        "sv": "Lagerklasser",
        "da": "Lagerklasser",
        "fi": "Vaihto-omaisuusryhmät",
    },
    "inventory_account": {
        "en": "Inventory account",
        "nb": "Varelagerkonto",
        "sv": "Lagerkonto",
        "da": "Varelagerkonto",
        "fi": "Varastotili",
    },
    "opening_value": {
        "en": "Opening value",
        "nb": "Inngående beholdning",
        "sv": "Ingående lager",
        "da": "Varebeholdning primo",
        "fi": "Alkuvarasto",
    },
    "purchases": {
        "en": "Purchases",
        "nb": "Innkjøp",
        "sv": "Inköp",
        "da": "Køb",
        "fi": "Ostot",
    },
    "production": {
        "en": "Production",
        "nb": "Tilvirkning",
        "sv": "Tillverkning",
        "da": "Fremstilling",
        "fi": "Valmistus",
    },
    "purchases_or_production": {
        "en": "Purchases / production",
        "nb": "Innkjøp / tilvirkning",
        "sv": "Inköp / tillverkning",
        "da": "Køb / fremstilling",
        "fi": "Ostot / valmistus",
    },
    "acquisition_value": {
        "en": "Acquisition value",
        "nb": "Anskaffelseskost",
        "sv": "Anskaffningsvärde",
        "da": "Kostpris",
        "fi": "Hankintameno",
    },
    "closing_acquisition_value": {
        "en": "Closing acquisition value",
        "nb": "Utgående anskaffelseskost",
        "sv": "Utgående anskaffningsvärde",
        "da": "Kostpris ultimo",
        "fi": "Loppuvaraston hankintameno",
    },
    "closing_value": {
        "en": "Closing value",
        "nb": "Utgående beholdning",
        "sv": "Utgående lager",
        "da": "Varebeholdning ultimo",
        "fi": "Loppuvarasto",
    },
    "write_down": {
        "en": "Write-down",
        "nb": "Nedskrivning",
        "sv": "Nedskrivning",
        "da": "Nedskrivning",
        "fi": "Arvonalennus",
    },
    "change": {
        "en": "Change in inventory",
        "nb": "Beholdningsendring",
        "sv": "Lagerförändring",
        "da": "Varelagerregulering",
        "fi": "Varaston muutos",
    },
    "cost_of_goods_sold": {
        "en": "Cost of goods sold",
        "nb": "Varekostnad",
        "sv": "Kostnad sålda varor",
        "da": "Vareforbrug",
        "fi": "Aineiden, tarvikkeiden ja tavaroiden käyttö",
    },
    "nrv": {
        "en": "Net realisable value",
        "nb": "Virkelig verdi (netto salgsverdi)",
        "sv": "Nettoförsäljningsvärde",
        "da": "Nettorealisationsværdi",
        "fi": "Todennäköinen luovutushinta",
    },
    "replacement_cost": {
        "en": "Replacement cost",
        "nb": "Gjenanskaffelseskost",
        "sv": "Återanskaffningskostnad",
        "da": "Genanskaffelsesværdi",
        "fi": "Jälleenhankintameno",
    },
    "replacement_value": {
        "en": "Replacement value",
        "nb": "Gjenanskaffelsesverdi",
        "sv": "Återanskaffningsvärde",
        "da": "Genanskaffelsesværdi",
        "fi": "Jälleenhankintameno",
    },
    "obsolescence": {
        "en": "Obsolescence",
        "nb": "Ukurans",
        "sv": "Inkurans",
        "da": "Ukurans",
        "fi": "Epäkuranttius",
    },
    "difference": {
        "en": "Difference",
        "nb": "Forskjell",
        "sv": "Skillnad",
        "da": "Forskel",
        "fi": "Erotus",
    },
    "accounting_value": {
        "en": "Accounting value",
        "nb": "Regnskapsmessig verdi",
        "sv": "Redovisat värde",
        "da": "Regnskabsmæssig værdi",
        "fi": "Kirjanpitoarvo",
    },
    "tax_value": {
        "en": "Tax value",
        "nb": "Skattemessig verdi",
        "sv": "Skattemässigt värde",
        "da": "Skattemæssig værdi",
        "fi": "Verotusarvo",
    },
    "rule_97": {
        "en": "97 % rule",
        "nb": "97 %-regelen",
        "sv": "Alternativregeln",
        "da": "97 %-reglen",
        "fi": "97 %:n sääntö",
    },
    "balance_date": {
        "en": "Balance date",
        "nb": "Balansedag",
        "sv": "Balansdag",
        "da": "Balancedag",
        "fi": "Tilinpäätöspäivä",
    },
    "product_group": {
        "en": "Product group",
        "nb": "Varegruppe",
        "sv": "Varugrupp",
        "da": "Varegruppe",
        "fi": "Tuoteryhmä",
    },
}


def term(key, lang="en"):
    """The term ``key`` in ``lang`` (en, nb, sv, da, fi); other languages: English."""
    texts = TERMS[key]
    return texts.get(lang, texts["en"])


def terms(key):
    """The term ``key`` in the order of ``LANGUAGES`` (a row of ``labels.LABELS``)."""
    return tuple(TERMS[key][lang] for lang in LANGUAGES)


def missing_terms(english, translated, lang):
    """The glossary's keys that ``english`` names and ``translated`` (its ``lang``
    text) does not say with the glossary's word, and the words to avoid that
    ``translated`` uses: ``[(key or word, why)]``; empty when the two agree."""
    problems = []
    if lang not in LANGUAGES or lang == "en":
        return problems
    # a placeholder (%(difference)s) is no word of the text
    english = PLACEHOLDER.sub("", english)
    translated = PLACEHOLDER.sub("", translated)
    for key, patterns in MATCH.items():
        if re.search(patterns["en"], english, re.IGNORECASE) and not re.search(
            patterns[lang], translated, re.IGNORECASE
        ):
            problems.append((key, f"not {TERMS[key][lang]!r}"))
    # the term alone (a field's label, a column): the glossary's very words, maybe
    # followed by what they are
    bare = TAGS.sub("", english).strip()
    for key, texts in TERMS.items():
        if bare.lower() == texts["en"].lower():
            said = TAGS.sub("", translated).strip()
            # "97 %-reglen (svensk skatteret)": the term, then what it is
            if not said.lower().startswith(texts[lang].lower()):
                problems.append((key, f"not {texts[lang]!r}"))
    for word in AVOID.get(lang, ()):
        found = re.search(word, translated, re.IGNORECASE)
        if found:
            problems.append((found.group(0), "a word the glossary replaced"))
    return problems
