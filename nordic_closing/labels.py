"""Labels of the workbook and reports in English, Norwegian bokmål and Swedish.

The accountant's words of each country (DOMAIN.md, glossary): varetelling,
beholdningsendring, ukurans; inventering, lagerförändring, inkurans.
"""

LANGUAGES = ("en", "nb", "sv")

LABELS = {
    # sheet names (at most 31 characters, no []:*?/\)
    "sheet_summary": ("Summary", "Sammendrag", "Sammanfattning"),
    "sheet_items": ("Items", "Varer post for post", "Artiklar post för post"),
    "sheet_equation": ("Stock equation", "Lagerligning", "Lagerekvation"),
    "sheet_tax": ("Tax", "Skatt", "Skatt"),
    "sheet_principles": ("Principles", "Prinsipper", "Principer"),
    # summary
    "title": (
        "Year-end inventory closing",
        "Årsavslutning varelager",
        "Bokslut varulager",
    ),
    "company": ("Company", "Selskap", "Företag"),
    "balance_date": ("Balance date", "Balansedag", "Balansdag"),
    "fiscal_year": ("Fiscal year", "Regnskapsår", "Räkenskapsår"),
    "framework": ("Framework", "Regelverk", "Regelverk"),
    "method": ("Cost flow", "Kostnadsflyt", "Kostnadsflöde"),
    "fifo": ("FIFO", "FIFO", "FIFU (först in, först ut)"),
    "average": ("Weighted average", "Veid gjennomsnitt", "Vägt genomsnitt"),
    "standard": ("Standard cost", "Standardkost", "Standardkostnad"),
    "entry_number": ("Journal entry", "Bilag", "Verifikation"),
    "not_posted": ("not posted", "ikke bokført", "ej bokförd"),
    "currency": ("Currency", "Valuta", "Valuta"),
    "classes": ("Inventory classes", "Lagerklasser", "Lagerklasser"),
    "entry": (
        "Change-in-inventory entry",
        "Bilag for beholdningsendring",
        "Verifikation lagerförändring",
    ),
    "no_entry": (
        "Nothing to book: the ledger already shows the closing values.",
        "Ingenting å bokføre: hovedboken viser allerede sluttverdiene.",
        "Inget att bokföra: huvudboken visar redan de utgående värdena.",
    ),
    "notes": ("Notes", "Merknader", "Anmärkningar"),
    "page": ("Page", "Side", "Sida"),
    # columns
    "inventory_class": ("Inventory class", "Lagerklasse", "Lagerklass"),
    "inventory_account": ("Inventory account", "Lagerkonto", "Lagerkonto"),
    "accounts": (
        "Accounts (inventory / write-down / change)",
        "Kontoer (lager / nedskrivning / beholdningsendring)",
        "Konton (lager / nedskrivning / lagerförändring)",
    ),
    "contra_account": (
        "Write-down account",
        "Nedskrivningskonto",
        "Nedskrivningskonto",
    ),
    "change_account": ("Change account", "Beholdningsendring", "Lagerförändring"),
    "account": ("Account", "Konto", "Konto"),
    "label": ("Text", "Tekst", "Text"),
    "debit": ("Debit", "Debet", "Debet"),
    "credit": ("Credit", "Kredit", "Kredit"),
    "total": ("Total", "Sum", "Summa"),
    "product": ("Product", "Vare", "Artikel"),
    "name": ("Name", "Navn", "Benämning"),
    "quantity": ("Quantity", "Antall", "Antal"),
    "unit": ("Unit", "Enhet", "Enhet"),
    "unit_cost": ("Cost per unit", "Kost per enhet", "Anskaffningsvärde per enhet"),
    "acquisition_value": ("Acquisition value", "Anskaffelseskost", "Anskaffningsvärde"),
    "nrv": (
        "Net realisable value per unit",
        "Virkelig verdi per enhet",
        "Nettoförsäljningsvärde per enhet",
    ),
    "write_down": ("Write-down", "Nedskrivning", "Nedskrivning"),
    "reason": ("Reason", "Årsak", "Orsak"),
    "value": ("Value", "Verdi", "Värde"),
    "opening_value": ("Opening value", "Inngående beholdning", "Ingående lager"),
    "purchases": ("Purchases", "Innkjøp", "Inköp"),
    "purchases_or_production": (
        "Purchases / production",
        "Innkjøp / tilvirkning",
        "Inköp / tillverkning",
    ),
    "note": ("Note", "Merknad", "Anmärkning"),
    "produced": ("production", "tilvirkning", "tillverkning"),
    "closing_acquisition_value": (
        "Closing acquisition value",
        "Utgående anskaffelseskost",
        "Utgående anskaffningsvärde",
    ),
    "closing_value": ("Closing value", "Utgående beholdning", "Utgående lager"),
    "cost_of_goods_sold": ("Cost of goods sold", "Varekostnad", "Kostnad sålda varor"),
    "change": ("Change in inventory", "Beholdningsendring", "Lagerförändring"),
    "equation_note": (
        "Cost of goods sold = opening value + purchases − closing value",
        "Varekostnad = inngående beholdning + innkjøp − utgående beholdning",
        "Kostnad sålda varor = ingående lager + inköp − utgående lager",
    ),
    # entry lines
    "entry_label": (
        "Inventory closing",
        "Årsavslutning varelager",
        "Bokslut varulager",
    ),
    "step_acquisition_value": (
        "acquisition value",
        "anskaffelseskost",
        "anskaffningsvärde",
    ),
    "step_write_down": ("write-down", "nedskrivning", "nedskrivning"),
    "step_stock_reserve": (
        "untaxed stock reserve (97 % rule, IL 17:4)",
        "lagerreserve (97 %-regelen, IL 17:4)",
        "lagerreserv (alternativregeln, IL 17:4)",
    ),
    # reasons
    "reason_nrv": ("Net realisable value", "Virkelig verdi", "Nettoförsäljningsvärde"),
    "reason_obsolescence": ("Obsolescence", "Ukurans", "Inkurans"),
    "reason_group": ("Group valuation", "Gruppevurdering", "Kollektiv värdering"),
    "reason_fixed_value": ("Fixed value", "Fast verdi", "Fast värde"),
    "reason_k1": ("Not recognised (K1)", "Ikke balanseført (K1)", "Tas inte upp (K1)"),
    # classes
    "raw_material": ("Raw materials", "Råvarer", "Råvaror"),
    "consumable": (
        "Consumables and supplies",
        "Hjelpematerialer",
        "Tillsatsmaterial och förnödenheter",
    ),
    "work_in_progress": (
        "Work in progress",
        "Varer under tilvirkning",
        "Produkter i arbete",
    ),
    "finished_goods": (
        "Finished goods",
        "Ferdige egentilvirkede varer",
        "Färdiga varor",
    ),
    "goods_for_resale": (
        "Goods for resale",
        "Innkjøpte varer for videresalg",
        "Handelsvaror",
    ),
    "stock_reserve": ("Untaxed stock reserve", "Lagerreserve", "Lagerreserv"),
    # tax
    "tax_se_title": (
        "Tax valuation: main rule against the 97 % rule (IL 17 kap.)",
        "Skattemessig verdi: hovedregel mot 97 %-regelen (IL 17 kap.)",
        "Skattemässig värdering: huvudregeln mot alternativregeln (IL 17 kap.)",
    ),
    "main_rule": (
        "Main rule: lowest value item by item (IL 17:3)",
        "Hovedregel: laveste verdi post for post (IL 17:3)",
        "Huvudregeln: lägsta värdet post för post (IL 17:3)",
    ),
    "alternative_rule": (
        "Alternative rule: 97 % of total acquisition value (IL 17:4)",
        "Alternativregel: 97 % av samlet anskaffelseskost (IL 17:4)",
        "Alternativregeln: 97 % av hela lagrets anskaffningsvärde (IL 17:4)",
    ),
    "chosen": ("Chosen (the lower)", "Valgt (den laveste)", "Valt (det lägre)"),
    "rule_main": ("Main rule", "Hovedregel", "Huvudregeln"),
    "rule_alternative": ("97 % rule", "97 %-regelen", "Alternativregeln (97 %)"),
    "allowance": ("3 % booked", "3 % bokført", "3 % bokförd"),
    "booked_as": ("Booked as", "Bokført som", "Bokförd som"),
    "mode_contra": (
        "write-down on the contra account (14x9)",
        "nedskrivning på motkonto (14x9)",
        "nedskrivning på lagrets värdeminskningskonto (14x9)",
    ),
    "mode_reserve": (
        "untaxed stock reserve (2196/8896)",
        "lagerreserve (2196/8896)",
        "lagerreserv, obeskattad reserv (2196/8896)",
    ),
    "tax_no_title": (
        "Tax value against accounting value (sktl § 14-5)",
        "Skattemessig verdi mot regnskapsmessig verdi (sktl. § 14-5)",
        "Skattemässigt värde mot bokfört värde (sktl § 14-5)",
    ),
    "accounting_value": ("Accounting value", "Regnskapsmessig verdi", "Bokfört värde"),
    "tax_value": ("Tax value", "Skattemessig verdi", "Skattemässigt värde"),
    "temporary_difference": (
        "Temporary difference",
        "Midlertidig forskjell",
        "Temporär skillnad",
    ),
    "tax_no_note": (
        "Write-downs for obsolescence and fair value are not deductible until the "
        "goods are sold or scrapped: they are a temporary difference.",
        "Nedskrivning for ukurans og virkelig verdi er ikke fradragsberettiget før "
        "varene er solgt eller kassert: den er en midlertidig forskjell.",
        "Nedskrivning för inkurans och verkligt värde är inte avdragsgill förrän "
        "varorna sålts eller kasserats: den är en temporär skillnad.",
    ),
    "rule_97_off": (
        "The 97 % rule is not used; for comparison:",
        "97 %-regelen er ikke brukt; til sammenligning:",
        "Alternativregeln används inte; som jämförelse:",
    ),
    # principles
    "principles_title": (
        "Accounting principles for the note on inventories",
        "Regnskapsprinsipper for noten om varelager",
        "Redovisningsprinciper för noten om varulager",
    ),
    "principle_valuation": (
        "Inventories are valued at the lower of acquisition value and net realisable "
        "value, item by item.",
        "Varelager er vurdert til laveste av anskaffelseskost og virkelig verdi, "
        "post for post.",
        "Varulagret har värderats till det lägsta av anskaffningsvärdet och "
        "nettoförsäljningsvärdet, post för post.",
    ),
    "principle_fifo": (
        "Acquisition value is determined by the first-in, first-out method (FIFO).",
        "Anskaffelseskost er fastsatt etter først inn, først ut (FIFO).",
        "Anskaffningsvärdet har beräknats enligt först in, först ut-principen (FIFU).",
    ),
    "principle_average": (
        "Acquisition value is determined by the weighted average cost method.",
        "Anskaffelseskost er fastsatt etter veid gjennomsnittsmetode.",
        "Anskaffningsvärdet har beräknats enligt vägda genomsnittspriser.",
    ),
    "principle_standard": (
        "Acquisition value is the standard cost, which is reviewed regularly so that "
        "it approximates actual cost.",
        "Anskaffelseskost er standardkost, som vurderes jevnlig slik at den ligger "
        "nær faktisk kost.",
        "Anskaffningsvärdet är standardkostnaden, som ses över regelbundet så att "
        "den motsvarar det verkliga anskaffningsvärdet.",
    ),
    "principle_nrv": (
        "Net realisable value is the expected selling price less the costs to sell.",
        "Virkelig verdi er forventet salgspris med fradrag for salgskostnader.",
        "Nettoförsäljningsvärdet är det beräknade försäljningspriset minskat med "
        "försäljningskostnader.",
    ),
    "principle_obsolescence": (
        "Obsolescence is provided for by age bands "
        "(days since last movement: percent):",
        "Ukurans er avsatt etter aldersintervaller "
        "(dager siden siste bevegelse: prosent):",
        "Inkurans har beaktats efter åldersintervall "
        "(dagar sedan senaste rörelse: procent):",
    ),
    "principle_97": (
        "The stock is valued for tax under the 97 % rule (IL 17:4).",
        "Varelageret er skattemessig vurdert etter 97 %-regelen (IL 17:4).",
        "Lagret har skattemässigt värderats enligt alternativregeln (IL 17:4).",
    ),
    "principle_fixed": (
        "Raw materials and consumables are carried at a fixed quantity and value "
        "(ÅRL 4:12).",
        "Råvarer og hjelpematerialer er ført til fast mengde og verdi (ÅRL 4:12).",
        "Råvaror och förnödenheter har tagits upp till fast mängd och värde "
        "(ÅRL 4:12).",
    ),
    "nrv_source": (
        "Source of net realisable value",
        "Kilde for virkelig verdi",
        "Källa för nettoförsäljningsvärde",
    ),
}


def labels(lang="en"):
    """``{key: text}`` in ``lang`` (en, nb, sv); other languages: English."""
    index = LANGUAGES.index(lang) if lang in LANGUAGES else 0
    return {key: texts[index] for key, texts in LABELS.items()}


def language_of(code):
    """Map an Odoo language code (nb_NO, sv_SE, en_US, no) to en, nb or sv."""
    code = (code or "").lower()
    if code.startswith(("nb", "nn", "no")):
        return "nb"
    if code.startswith("sv"):
        return "sv"
    return "en"


def entry_label(text, balance_date, inventory_class, step):
    """The text of an entry line: what it books, in the language of ``text``
    (``labels(lang)``)."""
    what = text[f"step_{step}"]
    if step != "stock_reserve":
        what = f"{text.get(inventory_class, inventory_class)}, {what}"
    return f"{text['entry_label']} {balance_date.isoformat()}: {what}"
