"""The countries a closing is made for: one table of what differs between them.

Everything the engine, the CLI and the Odoo layer need to know of a country is a
field of its :class:`Country` here: its language, currency and time zone, the
framework proposed for each of Odoo's charts, how its charts book a write-down,
which columns and views its documents show, and the texts of its documents in the
five languages. Odoo's views and reports show or hide by computed fields read from
this table, never by lists of country codes: a new country is an entry here, its
frameworks in ``frameworks.py``, its accounts in the mapping CSV and translations.
"""

from dataclasses import dataclass, field
from types import MappingProxyType

from .glossary import LANGUAGES

#: the texts a country's documents may replace, with the text used where a
#: country has none, in en, nb, sv, da, fi (glossary.LANGUAGES)
GENERIC_TEXTS = MappingProxyType(
    {
        # the count list's title and the sentence under it
        "count_list_title": (
            "Count list",
            "Varetellingsliste",
            "Inventeringslista",
            "Optællingsliste",
            "Inventaariolista",
        ),
        "count_list_law": (
            "Count list: each item's quantity, unit and value, and the total.",
            "Varetellingsliste: mengde, enhet og verdi for hver vare, og summen.",
            "Inventeringslista: varje artikels kvantitet, enhet och värde samt summan.",
            "Optællingsliste: mængde, enhed og værdi for hver vare samt summen.",
            "Inventaariolista: kunkin nimikkeen määrä, yksikkö ja arvo sekä "
            "yhteissumma.",
        ),
        # the statement signed under the count list
        "count_oath": (
            "The count was made in good faith and nothing has been left out.",
            "Varetellingen er foretatt etter beste skjønn, og ingen varer er utelatt.",
            "Inventeringen har gjorts på heder och samvete och inget har utelämnats.",
            "Optællingen er foretaget i god tro, og intet er udeladt.",
            "Inventaario on tehty hyvässä uskossa, eikä mitään ole jätetty pois.",
        ),
        # the heading of the replacement value note (Denmark, Finland)
        "replacement_heading": (
            "Replacement value against cost per balance-sheet item",
            "Gjenanskaffelsesverdi mot anskaffelseskost per balansepost",
            "Återanskaffningsvärde mot anskaffningsvärde per balanspost",
            "Genanskaffelsesværdi over for kostpris pr. balancepost",
            "Jälleenhankintameno ja hankintameno rinnakkain tase-erittäin",
        ),
    }
)
#: every text a document may show of a country (the keys of ``Country.texts``)
TEXT_KEYS = (
    *GENERIC_TEXTS,
    "tax_difference_heading",
    "tax_difference_note",
    "tax_note",
)


def _same(text):
    """A text every language shows as written (a statement signed in the country's
    own language)."""
    return (text,) * len(LANGUAGES)


@dataclass(frozen=True)
class Country:
    """What a country's closing is written in, starts from and shows.

    ``charts``: ``(chart template, framework code)`` pairs: the framework proposed
    when a company loads that chart of Odoo's (``l10n_se``'s ``se_K3``: K3).
    ``contra_account``: write-downs are booked on a contra account of the inventory
    (14x9); ``False``: on the inventory account itself (Finland's charts have
    none). ``write_down_pl_account``: a product category may name a P&L account of
    its own for write-downs (Denmark, Finland). ``count_list_tax_value``: the count
    list shows each item's tax value beside its accounting value (Norway,
    bokføringsforskriften § 6-1). ``tax_difference``: the closing summary shows the
    tax value against the accounting value per class, the difference being
    temporary (Norway, sktl. § 14-5). ``texts``: the country's own texts of its
    documents, ``{key: (en, nb, sv, da, fi)}`` (keys of ``GENERIC_TEXTS`` and
    ``tax_difference_heading``, ``tax_difference_note``, ``tax_note``,
    ``replacement_heading``): see :func:`country_text`.
    """

    code: str
    lang: str  # the language of its documents (glossary.LANGUAGES)
    currency: str
    default_framework: str
    tz: str  # where its balance date ends (a company may set its own)
    charts: tuple = ()
    contra_account: bool = True
    write_down_pl_account: bool = False
    count_list_tax_value: bool = False
    tax_difference: bool = False
    texts: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self):
        for key, texts in self.texts.items():
            if key not in TEXT_KEYS:
                raise ValueError(
                    f"country {self.code}: unknown text {key!r}: one of "
                    f"{', '.join(TEXT_KEYS)}"
                )
            if len(texts) != len(LANGUAGES):
                raise ValueError(
                    f"country {self.code}: text {key!r} needs one text per language "
                    f"({', '.join(LANGUAGES)}), not {len(texts)}"
                )

    def chart_framework(self, chart_template):
        """The framework code proposed for ``chart_template``, or ``None``."""
        return dict(self.charts).get(chart_template)


def country_text(country, key, lang="en"):
    """The text ``key`` of ``country``'s documents in ``lang`` (en, nb, sv, da, fi;
    others: English): the country's own (``Country.texts``), else the generic
    one (``GENERIC_TEXTS``), else ``""`` (the document leaves it out)."""
    texts = country.texts.get(key) if country else None
    texts = texts or GENERIC_TEXTS.get(key)
    if not texts:
        return ""
    return texts[LANGUAGES.index(lang) if lang in LANGUAGES else 0]


_NO = Country(
    "NO",
    "nb",
    "NOK",
    "NGAAP",
    "Europe/Oslo",
    charts=(("no", "NGAAP"),),
    count_list_tax_value=True,
    tax_difference=True,
    texts=MappingProxyType(
        {
            "count_list_law": (
                "Count list under bokføringsforskriften § 6-1: kind of goods, "
                "quantity with unit, value per item and the sum; accounting and tax "
                "value side by side.",
                "Varetellingsliste etter bokføringsforskriften § 6-1: varenes art, "
                "mengde med enhet, verdi per vare og summen; regnskapsmessig og "
                "skattemessig verdi side om side.",
                "Inventeringslista enligt norska bokføringsforskriften § 6-1: "
                "varuslag, kvantitet med enhet, värde per artikel och summan; "
                "redovisat och skattemässigt värde sida vid sida.",
                "Optællingsliste (Norge, bokføringsforskriften § 6-1): varernes art, "
                "mængde med enhed, værdi pr. vare og summen; regnskabsmæssig og "
                "skattemæssig værdi side om side.",
                "Inventaariolista (Norja, bokføringsforskriften § 6-1): tavaralaji, "
                "määrä ja yksikkö, arvo nimikkeittäin ja yhteissumma; kirjanpitoarvo "
                "ja verotusarvo rinnakkain.",
            ),
            "count_oath": _same(
                "Varetellingen er foretatt etter beste skjønn, og ingen varer er "
                "utelatt."
            ),
            "tax_difference_heading": (
                "Tax value against accounting value (sktl. § 14-5)",
                "Skattemessig verdi mot regnskapsmessig verdi (sktl. § 14-5)",
                "Skattemässigt värde mot redovisat värde (sktl. § 14-5)",
                "Skattemæssig værdi over for regnskabsmæssig værdi (sktl. § 14-5)",
                "Verotusarvo ja kirjanpitoarvo rinnakkain (sktl. § 14-5)",
            ),
            "tax_difference_note": (
                "Write-downs for obsolescence and fair value are not deductible "
                "until the goods are sold or scrapped: they are a temporary "
                "difference.",
                "Nedskrivninger for ukurans og til virkelig verdi gir ikke "
                "skattefradrag før varene er solgt eller kassert: de er en "
                "midlertidig forskjell.",
                "Nedskrivningar för inkurans och till nettoförsäljningsvärde är inte "
                "avdragsgilla förrän varorna har sålts eller kasserats: de utgör en "
                "temporär skillnad.",
                "Nedskrivninger for ukurans og til nettorealisationsværdi kan først "
                "fradrages skattemæssigt, når varerne er solgt eller kasseret: de er "
                "en midlertidig forskel.",
                "Epäkuranttiudesta ja todennäköisestä luovutushinnasta johtuvat "
                "arvonalennukset ovat verotuksessa vähennyskelpoisia vasta, kun "
                "tavarat on myyty tai romutettu: ne ovat väliaikainen ero.",
            ),
        }
    ),
)
_SE = Country(
    "SE",
    "sv",
    "SEK",
    "K2",
    "Europe/Stockholm",
    charts=(("se", "K2"), ("se_K2", "K2"), ("se_K3", "K3")),
    texts=MappingProxyType(
        {
            "count_list_law": (
                "Count list under inventeringslagen (1955:257): each item's "
                "quantity, unit and value, and the total.",
                "Varetellingsliste etter svenske inventeringslagen (1955:257): "
                "mengde, enhet og verdi for hver vare, og summen.",
                "Inventeringslista enligt inventeringslagen (1955:257): varje "
                "artikels kvantitet, enhet och värde samt summan.",
                "Optællingsliste (Sverige, inventeringslagen 1955:257): mængde, "
                "enhed og værdi for hver vare samt summen.",
                "Inventaariolista (Ruotsi, inventeringslagen 1955:257): kunkin "
                "nimikkeen määrä, yksikkö ja arvo sekä yhteissumma.",
            ),
            "count_oath": _same(
                "Inventeringen har gjorts på heder och samvete och inget har "
                "utelämnats."
            ),
        }
    ),
)
_DK = Country(
    "DK",
    "da",
    "DKK",
    "B",
    "Europe/Copenhagen",
    charts=(("dk", "B"),),
    write_down_pl_account=True,
    texts=MappingProxyType(
        {
            "count_list_law": (
                "Count list (optællingsliste) of the stock at the balance date: each "
                "item's quantity, unit and value, and the total, signed and dated.",
                "Varetellingsliste (optællingsliste) over varelageret på balansedagen: "
                "mengde, enhet og verdi for hver vare, og summen, underskrevet og "
                "datert.",
                "Inventeringslista (optællingsliste) över lagret på balansdagen: "
                "varje artikels kvantitet, enhet och värde samt summan, undertecknad "
                "och daterad.",
                "Optællingsliste over varelageret på balancedagen: mængde, enhed og "
                "værdi for hver vare samt summen, underskrevet og dateret.",
                "Inventaariolista (optællingsliste) varastosta tilinpäätöspäivänä: "
                "kunkin nimikkeen määrä, yksikkö ja arvo sekä yhteissumma, "
                "allekirjoitettuna ja päivättynä.",
            ),
            "count_oath": _same(
                "Optællingen er foretaget efter bedste overbevisning, og ingen varer "
                "er udeladt."
            ),
            "replacement_heading": (
                "Replacement value against cost per balance-sheet line "
                "(årsregnskabsloven § 89 stk. 2)",
                "Gjenanskaffelsesverdi mot anskaffelseskost per balansepost "
                "(årsregnskabsloven § 89 stk. 2)",
                "Återanskaffningsvärde mot anskaffningsvärde per balanspost "
                "(årsregnskabsloven § 89 stk. 2)",
                "Genanskaffelsesværdi over for kostpris pr. balancepost "
                "(årsregnskabsloven § 89 stk. 2)",
                "Jälleenhankintameno ja hankintameno rinnakkain tase-erittäin "
                "(årsregnskabsloven § 89 stk. 2)",
            ),
        }
    ),
)
_FI = Country(
    "FI",
    "fi",
    "EUR",
    "FAS",
    "Europe/Helsinki",
    charts=(("fi", "FAS"),),
    contra_account=False,
    write_down_pl_account=True,
    texts=MappingProxyType(
        {
            "count_list_title": (
                "Inventory list",
                "Varetellingsliste",
                "Inventeringslista",
                "Optællingsliste",
                "Inventaariolista",
            ),
            "count_list_law": (
                "Inventory list (inventaariolista) of the stock at the balance date: "
                "each item's quantity, unit and value, and the total, signed and "
                "dated.",
                "Varetellingsliste (inventaariolista) over varelageret på "
                "balansedagen: mengde, enhet og verdi for hver vare, og summen, "
                "underskrevet og datert.",
                "Inventeringslista (inventaariolista) över lagret på balansdagen: "
                "varje artikels kvantitet, enhet och värde samt summan, undertecknad "
                "och daterad.",
                "Optællingsliste (inventaariolista) over varelageret på balancedagen: "
                "mængde, enhed og værdi for hver vare samt summen, underskrevet og "
                "dateret.",
                "Inventaariolista varastosta tilinpäätöspäivänä: kunkin nimikkeen "
                "määrä, yksikkö ja arvo sekä yhteissumma, allekirjoitettuna ja "
                "päivättynä.",
            ),
            "count_oath": _same(
                "Inventaario on tehty parhaan ymmärryksen mukaan, eikä mitään "
                "tavaraa ole jätetty pois."
            ),
            "tax_note": (
                "Tax value: the book value (EVL 14 § and 28 §: the same lowest of "
                "acquisition cost, replacement cost and probable selling price).",
                "Skattemessig verdi: regnskapsmessig verdi (EVL 14 § og 28 §: den "
                "samme laveste av anskaffelseskost, gjenanskaffelseskost og "
                "sannsynlig salgspris).",
                "Skattemässigt värde: det redovisade värdet (EVL 14 § och 28 §: samma "
                "lägsta av anskaffningsvärde, återanskaffningskostnad och sannolikt "
                "försäljningspris).",
                "Skattemæssig værdi: den regnskabsmæssige værdi (EVL 14 § og 28 §: "
                "den samme laveste af kostpris, genanskaffelsesværdi og sandsynlig "
                "salgspris).",
                "Verotusarvo: kirjanpitoarvo (EVL 14 § ja 28 §: sama alin arvo "
                "hankintamenosta, jälleenhankintamenosta ja todennäköisestä "
                "luovutushinnasta).",
            ),
            "replacement_heading": (
                "Replacement value against cost per balance-sheet item (KPA 2:4 §)",
                "Gjenanskaffelsesverdi mot anskaffelseskost per balansepost "
                "(KPA 2:4 §)",
                "Återanskaffningsvärde mot anskaffningsvärde per balanspost "
                "(KPA 2:4 §)",
                "Genanskaffelsesværdi over for kostpris pr. balancepost (KPA 2:4 §)",
                "Jälleenhankintameno ja hankintameno rinnakkain tase-erittäin "
                "(KPA 2:4 §)",
            ),
        }
    ),
)


def country_texts(country, lang="en"):
    """``{key: text}`` of every ``TEXT_KEYS`` of ``country`` (a :class:`Country`
    or ``None``) in ``lang``: what the documents show of it."""
    return {key: country_text(country, key, lang) for key in TEXT_KEYS}


#: the countries by code (ISO 3166-1 alpha-2, as Odoo's res.country): the one
#: table; ``frameworks.register_country`` adds one
COUNTRY = {country.code: country for country in (_NO, _SE, _DK, _FI)}
