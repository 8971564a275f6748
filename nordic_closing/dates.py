"""Dates as each language writes them, in entry texts and names.

The patterns are Odoo's (``res.lang`` date_format of nb_NO, sv_SE, da_DK and fi_FI),
so the command line writes a date as Odoo shows it to a user of that language:
31.12.2025 in Norwegian and Finnish, 2025-12-31 in Swedish (the Swedish national
format, SS-ISO 8601), 31-12-2025 in Danish. English has no one country's format
here: ISO 8601 (Odoo passes its own pattern, ``ClosingOptions.date_format``, for
the language of the document).
"""

ISO_DATE = "%Y-%m-%d"

DATE_FORMATS = {
    "en": ISO_DATE,
    "nb": "%d.%m.%Y",
    "sv": ISO_DATE,
    "da": "%d-%m-%Y",
    "fi": "%d.%m.%Y",
}


def date_format_of(lang, date_format=None):
    """The strftime pattern of ``lang`` (en, nb, sv, da, fi), unless
    ``date_format`` is given; other languages: ISO 8601."""
    return date_format or DATE_FORMATS.get(lang, ISO_DATE)


def format_date(value, lang="en", date_format=None):
    """``value`` (a date) as ``lang`` writes it, or with ``date_format``."""
    return value.strftime(date_format_of(lang, date_format))
