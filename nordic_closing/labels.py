"""Labels of the workbook and reports in English, Norwegian bokmål, Swedish,
Danish and Finnish.

The accountant's words of each country (DOMAIN.md and DOMAIN-DK-FI.md, glossaries):
varetelling, beholdningsendring, ukurans; inventering, lagerförändring, inkurans;
optællingsliste, varelagerregulering, ukurante varer, nedskrivning; inventaariolista,
varaston muutos, epäkuranttius, arvonalennus.

The texts are kept by topic (``labels_workbook.py``: sheets, frameworks, summary;
``labels_columns.py``: columns, entry lines, reasons, classes; ``labels_tax.py``;
``labels_principles.py``: principles, disclosure, count list; ``labels_notes.py``:
the engine's notes) and merged here into one ``LABELS``; a key defined in two of
them is refused on import.
"""

from .glossary import LANGUAGES
from .labels_columns import COLUMNS
from .labels_notes import NOTES
from .labels_principles import PRINCIPLES
from .labels_tax import TAX
from .labels_workbook import WORKBOOK


def _merged(*parts):
    """One dict of the ``parts``, in their order; a key defined twice is refused."""
    merged = {}
    for part in parts:
        twice = merged.keys() & part.keys()
        if twice:
            raise ValueError(f"labels defined twice: {', '.join(sorted(twice))}")
        merged.update(part)
    return merged


#: ``{key: (en, nb, sv, da, fi)}``: the labels of every topic in one dict
LABELS = _merged(WORKBOOK, COLUMNS, TAX, PRINCIPLES, NOTES)


def labels(lang="en"):
    """``{key: text}`` in ``lang`` (en, nb, sv, da, fi); other languages: English."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
    return {key: texts[index] for key, texts in LABELS.items()}


#: thousands and decimal separators of each language (as Odoo's res.lang has them)
SEPARATORS = {
    "en": (",", "."),
    "nb": ("\u00a0", ","),
    "sv": ("\u00a0", ","),
    "da": (".", ","),
    "fi": ("\u00a0", ","),
}


def format_amount(value, lang="en"):
    """An amount with two decimals as ``lang`` writes it: 12,345.67 in English,
    12 345,67 in Norwegian, Swedish and Finnish, 12.345,67 in Danish."""
    thousands, decimal = SEPARATORS.get(lang, SEPARATORS["en"])
    text = f"{value:,.2f}"
    return text.replace(",", "\x00").replace(".", decimal).replace("\x00", thousands)


def language_of(code):
    """Map an Odoo language code (nb_NO, sv_SE, da_DK, fi_FI, en_US, no) to en,
    nb, sv, da or fi."""
    code = (code or "").lower()
    if code.startswith(("nb", "nn", "no")):
        return "nb"
    base = code.replace("-", "_").split("_")[0]  # fil_PH is not Finnish
    return base if base in ("sv", "da", "fi") else "en"


def entry_label(text, balance_date, inventory_class, step, date_format=None):
    """The text of an entry line: what it books, in the language of ``text``
    (``labels(lang)``), its date written with ``date_format`` (strftime: the
    language's, ``dates.date_format_of``; none: ISO 8601)."""
    what = text[f"step_{step}"]
    if step != "stock_reserve":
        what = f"{text.get(inventory_class, inventory_class)}, {what}"
    when = (
        balance_date.strftime(date_format) if date_format else balance_date.isoformat()
    )
    return f"{text['entry_label']} {when}: {what}"
