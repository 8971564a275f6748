"""Labels of the tax comparison: Sweden's main rule against the 97 % rule,
Norway's and Finland's tax value against book value per class, Denmark's per
product group and principle.

Each key maps to its texts in the order of ``glossary.LANGUAGES`` (en, nb, sv,
da, fi); ``labels.py`` merges this dict into ``LABELS``.
"""

from .glossary import terms

TAX = {
    # tax
    "tax_se_title": (
        "Tax valuation: main rule against the 97 % rule (IL 17 kap.)",
        "Skattemessig verdi: hovedregel mot 97 %-regelen (IL 17 kap.)",
        "Skattemässig värdering: huvudregeln mot alternativregeln (IL 17 kap.)",
        "Skattemæssig værdi: hovedreglen mod 97 %-reglen (IL 17 kap.)",
        "Verotusarvo: pääsääntö ja 97 %:n sääntö (IL 17 kap.)",
    ),
    "main_rule": (
        "Main rule: lowest value item by item (IL 17:3)",
        "Hovedregel: laveste verdi post for post (IL 17:3)",
        "Huvudregeln: lägsta värdet post för post (IL 17:3)",
        "Hovedregel: laveste værdi post for post (IL 17:3)",
        "Pääsääntö: alin arvo nimikkeittäin (IL 17:3)",
    ),
    "alternative_rule": (
        "Alternative rule: 97 % of total acquisition value (IL 17:4)",
        "Alternativregel: 97 % av samlet anskaffelseskost (IL 17:4)",
        "Alternativregeln: 97 % av hela lagrets anskaffningsvärde (IL 17:4)",
        "Alternativ regel: 97 % af hele lagerets kostpris (IL 17:4)",
        "Vaihtoehtoinen sääntö: 97 % koko varaston hankintamenosta (IL 17:4)",
    ),
    "chosen": (
        "Chosen (the lower)",
        "Valgt (den laveste)",
        "Valt (det lägre)",
        "Valgt (den laveste)",
        "Valittu (alempi)",
    ),
    "rule_main": ("Main rule", "Hovedregel", "Huvudregeln", "Hovedregel", "Pääsääntö"),
    "rule_alternative": (
        "97 % rule",
        "97 %-regelen",
        "Alternativregeln (97 %)",
        "97 %-reglen",
        "97 %:n sääntö",
    ),
    "allowance": (
        "3 % booked",
        "3 % bokført",
        "3 % bokförd",
        "3 % bogført",
        "3 % kirjattu",
    ),
    "booked_as": ("Booked as", "Bokført som", "Bokförd som", "Bogført som", "Kirjattu"),
    "mode_contra": (
        "write-down on the contra account (14x9)",
        "nedskrivning på motkonto (14x9)",
        "nedskrivning på lagrets värdeminskningskonto (14x9)",
        "nedskrivning på modkonto (14x9)",
        "arvonalennus vähennystilille (14x9)",
    ),
    "mode_reserve": (
        "untaxed stock reserve (2196/8896)",
        "lagerreserve (2196/8896)",
        "lagerreserv, obeskattad reserv (2196/8896)",
        "ubeskattet lagerreserve (2196/8896)",
        "varastovaraus (2196/8896)",
    ),
    "tax_no_title": (
        "Tax value against accounting value (sktl § 14-5)",
        "Skattemessig verdi mot regnskapsmessig verdi (sktl. § 14-5)",
        "Skattemässigt värde mot redovisat värde (sktl § 14-5)",
        "Skattemæssig værdi mod regnskabsmæssig værdi (sktl § 14-5)",
        "Verotusarvo ja kirjanpitoarvo (sktl § 14-5)",
    ),
    "accounting_value": terms("accounting_value"),
    "tax_value": terms("tax_value"),
    "temporary_difference": (
        "Temporary difference",
        "Midlertidig forskjell",
        "Temporär skillnad",
        "Midlertidig forskel",
        "Väliaikainen ero",
    ),
    "tax_no_note": (
        "Write-downs for obsolescence and fair value are not deductible until the "
        "goods are sold or scrapped: they are a temporary difference.",
        "Nedskrivning for ukurans og virkelig verdi er ikke fradragsberettiget før "
        "varene er solgt eller kassert: den er en midlertidig forskjell.",
        "Nedskrivning för inkurans och verkligt värde är inte avdragsgill förrän "
        "varorna sålts eller kasserats: den är en temporär skillnad.",
        "Nedskrivning for ukurans og dagsværdi er ikke fradragsberettiget, før "
        "varerne er solgt eller kasseret: den er en midlertidig forskel.",
        "Epäkuranttiuden ja käyvän arvon vuoksi tehty arvonalennus ei ole "
        "vähennyskelpoinen ennen kuin tavarat on myyty tai romutettu: se on "
        "väliaikainen ero.",
    ),
    "tax_dk_title": (
        "Tax value per product group (varelagerloven § 1)",
        "Skattemessig verdi per varegruppe (varelagerloven § 1)",
        "Skattemässigt värde per varugrupp (varelagerloven § 1)",
        "Skattemæssig værdi pr. varegruppe (varelagerloven § 1)",
        "Verotusarvo tuoteryhmittäin (varelagerloven § 1)",
    ),
    "tax_group": terms("product_group"),
    "tax_principle": ("Principle", "Prinsipp", "Princip", "Princip", "Periaate"),
    "tax_principle_dagspris": (
        "Replacement price at the year end (dagspris)",
        "Dagspris ved årets slutt",
        "Dagspris vid årets slut",
        "Dagspris ved årets udgang",
        "Päivähinta tilikauden lopussa (dagspris)",
    ),
    "tax_principle_purchase_price": (
        "Purchase price (FIFO)",
        "Innkjøpspris (FIFO)",
        "Inköpspris (FIFU)",
        "Indkøbspris (FIFO)",
        "Ostohinta (FIFO)",
    ),
    "tax_principle_manufacturing_price": (
        "Manufacturing price (FIFO)",
        "Tilvirkningspris (FIFO)",
        "Tillverkningspris (FIFU)",
        "Fremstillingspris (FIFO)",
        "Valmistushinta (FIFO)",
    ),
    "difference": terms("difference"),
    "tax_dk_note": (
        "The company chooses the principle per product group each year and states a "
        "change in its tax return; deductible VAT is not part of the value "
        "(varelagerloven § 1 stk. 2).",
        "Selskapet velger prinsipp per varegruppe hvert år og oppgir et skifte i "
        "selvangivelsen; fradragsberettiget merverdiavgift inngår ikke i verdien "
        "(varelagerloven § 1 stk. 2).",
        "Företaget väljer princip per varugrupp varje år och anger ett byte i "
        "deklarationen; avdragsgill moms ingår inte i värdet (varelagerloven § 1 "
        "stk. 2).",
        "Virksomheden vælger hvert år princip pr. varegruppe og oplyser et skift i "
        "selvangivelsen; fradragsberettiget moms indgår ikke i værdien "
        "(varelagerloven § 1, stk. 2).",
        "Yritys valitsee periaatteen tuoteryhmittäin vuosittain ja ilmoittaa "
        "muutoksen veroilmoituksessa; vähennettävä arvonlisävero ei sisälly arvoon "
        "(varelagerloven § 1 stk. 2).",
    ),
    "tax_fi_title": (
        "Tax value against book value (EVL 28 §)",
        "Skattemessig verdi mot regnskapsmessig verdi (EVL 28 §)",
        "Skattemässigt värde mot redovisat värde (EVL 28 §)",
        "Skattemæssig værdi mod regnskabsmæssig værdi (EVL 28 §)",
        "Verotusarvo ja kirjanpitoarvo (EVL 28 §)",
    ),
    "tax_fi_note": (
        "The tax value follows the same lowest value as the accounts (EVL 28 §, EVL "
        "14 §: FIFO) and is the book value.",
        "Den skattemessige verdien følger samme laveste verdi som regnskapet (EVL 28 "
        "§, EVL 14 §: FIFO) og er den regnskapsmessige verdien.",
        "Det skattemässiga värdet följer samma lägsta värde som bokföringen (EVL 28 "
        "§, EVL 14 §: FIFU) och är det redovisade värdet.",
        "Den skattemæssige værdi følger samme laveste værdi som regnskabet (EVL 28 "
        "§, EVL 14 §: FIFO) og er den regnskabsmæssige værdi.",
        "Verotusarvo määräytyy saman alimman arvon mukaan kuin kirjanpidossa (EVL 28 "
        "§, EVL 14 §: FIFO) ja on sama kuin kirjanpitoarvo.",
    ),
    "rule_97_off": (
        "The 97 % rule is not used; for comparison:",
        "97 %-regelen er ikke brukt; til sammenligning:",
        "Alternativregeln används inte; som jämförelse:",
        "97 %-reglen er ikke brugt; til sammenligning:",
        "97 %:n sääntöä ei käytetä; vertailuksi:",
    ),
}
