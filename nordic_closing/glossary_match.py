"""How the glossary's terms show in a sentence (``MATCH``), the words the
translations once used for them and must not use again (``AVOID``), and what is
no word of a text (``TAGS``, ``PLACEHOLDER``): what ``glossary.missing_terms``
checks a translation with.
"""

import re

TAGS = re.compile(r"<[^>]+>")
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdr]|\{[a-z_]+\}")


#: How each term shows in a sentence: English where a text names the thing (not in
#: another sense: "closing value" is not "the closing's value date"), the others
#: the stem every inflection keeps.
MATCH = {
    "inventory_closing": {
        "en": r"\binventory closings?\b",
        "nb": r"varelageravslutning|avslutning",
        "sv": r"lagerbokslut|bokslut",
        "da": r"lagerafslutning|afslutning",
        "fi": r"tilinpäätö",
    },
    "count_list": {
        "en": r"\bcount lists?\b",
        "nb": r"varetellingslist",
        "sv": r"inventeringslist",
        "da": r"optællingslist",
        "fi": r"inventaariolist",
    },
    "stock_equation": {
        "en": r"\bstock equations?\b",
        "nb": r"lagerligning",
        "sv": r"lagerekvation",
        "da": r"vareforbrugsopgørels",
        "fi": r"varastolaskelm",
    },
    "company": {
        # not "%(company)s", nor "company_id", "res.company"
        "en": r"(?<![(._])\bcompan(y|y's|ies|ies')\b(?![)_])",
        # "foretak": the Accounting Act's word (små foretak, PMA)
        "nb": r"selskap|foretak",
        "sv": r"företag",
        "da": r"virksomhed",
        "fi": r"yri(tys|tyk)",
    },
    "framework": {
        "en": r"\bframeworks?\b",
        "nb": r"regelverk",
        "sv": r"regelverk",
        "da": r"regnskabsgrundlag",
        "fi": r"normisto",
    },
    "journal_entry": {
        # the entry the closing books (not "entered", nor a line entry of a list)
        "en": r"\b(journal )?entr(y|ies)\b",
        "nb": r"bilag",
        "sv": r"verifikation",
        "da": r"postering",
        "fi": r"kirjau|kirjaa|vienti|vienni",
    },
    "inventory_class": {
        "en": r"\binventory class(es)?\b",
        "nb": r"varelagerklasse",
        "sv": r"lagerklass",
        "da": r"lagerklasse",
        "fi": r"vaihto-omaisuusryhm",
    },
    "opening_value": {
        "en": r"\bopening values?\b",
        "nb": r"inngående beholdning",
        "sv": r"ingående lag",
        "da": r"primo",
        "fi": r"alkuvarast",
    },
    "production": {
        "en": r"\bproduction\b",
        "nb": r"tilvirk",
        "sv": r"tillverk",
        "da": r"fremstill",
        "fi": r"valmist",
    },
    "closing_value": {
        "en": r"\bclosing values?\b",
        "nb": r"utgående beholdning",
        "sv": r"utgående lag",
        "da": r"ultimo",
        "fi": r"loppuvarast",
    },
    "cost_of_goods_sold": {
        "en": r"\bcost of goods sold\b",
        "nb": r"varekostnad",
        "sv": r"kostnad sålda varor",
        "da": r"vareforbrug",
        "fi": r"aineiden, tarvikkeiden ja tavaroiden käyt",
    },
    "replacement_cost": {
        "en": r"\breplacement costs?\b",
        "nb": r"gjenanskaffelseskost",
        "sv": r"återanskaffningskostnad",
        "da": r"genanskaffelsesværdi|dagspris",
        "fi": r"jälleenhankintamen",
    },
    "replacement_value": {
        "en": r"\breplacement values?\b",
        "nb": r"gjenanskaffelsesverdi",
        "sv": r"återanskaffningsvärde",
        "da": r"genanskaffelsesværdi",
        "fi": r"jälleenhankintamen",
    },
    "obsolescence": {
        "en": r"\bobsolescence\b",
        "nb": r"ukurans",
        "sv": r"inkurans",
        "da": r"ukurans",
        "fi": r"epäkurant",
    },
    "difference": {
        "en": r"(?<!price )\bdifferences?\b",
        "nb": r"forskjell",
        "sv": r"skillnad",
        "da": r"forskel",
        "fi": r"\bero(tu|n\b|\b)|eroa\b",
    },
    "rule_97": {
        "en": r"\b97 %%? rule\b",
        "nb": r"97 %%?-regel",
        "sv": r"alternativregel",
        "da": r"97 %%?-regl",
        "fi": r"97 %%?:n sään",
    },
}

#: The other words for the same things that the translations once used: never
#: again (a word, case-insensitive).
AVOID = {
    "nb": (
        r"\bfirma",
        r"\bproduksjon",
        r"\binngående verdi",
        r"\butgående verdi",
        r"\bdifferanse",
    ),
    "sv": (
        r"\bbolag",
        r"97 %%?-regeln",
        r"\bproduktion",
        r"\bingående värde",
        r"\butgående värde",
        r"\bdifferens",
        r"\bbokfört värde",
    ),
    "da": (
        r"\bregelsæt",
        r"\bbilag",
        r"\bdifference",
        r"\bproduktion",
        r"\bværdi (primo|ultimo)",
    ),
    "fi": (
        r"\bvarastoluok",
        r"\btosit(e|teen|teet|teita|teella)\b",
        r"jälleenhankintahin",
        r"\baineet, tarvikkeet ja tavarat\b",
    ),
}
