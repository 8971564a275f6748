"""Labels of the columns of the workbook and reports (accounts, amounts, the stock
equation), of the entry lines, of the reasons for a write-down and of the
inventory classes.

Each key maps to its texts in the order of ``glossary.LANGUAGES`` (en, nb, sv,
da, fi); ``labels.py`` merges this dict into ``LABELS``.
"""

from .glossary import terms

COLUMNS = {
    # columns
    "inventory_class": terms("inventory_class"),
    "inventory_account": terms("inventory_account"),
    "accounts": (
        "Accounts (inventory / write-down / change)",
        "Kontoer (lager / nedskrivning / beholdningsendring)",
        "Konton (lager / nedskrivning / lagerförändring)",
        "Konti (lager / nedskrivning / varelagerregulering)",
        "Tilit (varasto / arvonalennus / varaston muutos)",
    ),
    "accounts_write_down_pl": (
        "Accounts (inventory / write-down / change / write-down P&L)",
        "Kontoer (lager / nedskrivning / beholdningsendring / nedskrivning resultat)",
        "Konton (lager / nedskrivning / lagerförändring / nedskrivning resultat)",
        "Konti (lager / nedskrivning / varelagerregulering / nedskrivning på "
        "varelager)",
        "Tilit (varasto / arvonalennus / varaston muutos / arvonalennus "
        "tuloslaskelmassa)",
    ),
    "contra_account": (
        "Write-down account",
        "Nedskrivningskonto",
        "Nedskrivningskonto",
        "Nedskrivningskonto",
        "Arvonalennustili",
    ),
    "change_account": (
        "Change account",
        "Beholdningsendring",
        "Lagerförändring",
        "Varelagerregulering",
        "Varaston muutos",
    ),
    "account": ("Account", "Konto", "Konto", "Konto", "Tili"),
    "label": ("Text", "Tekst", "Text", "Tekst", "Selite"),
    "debit": ("Debit", "Debet", "Debet", "Debet", "Debet"),
    "credit": ("Credit", "Kredit", "Kredit", "Kredit", "Kredit"),
    "total": ("Total", "Sum", "Summa", "I alt", "Yhteensä"),
    "product": ("Product", "Vare", "Artikel", "Vare", "Nimike"),
    "name": ("Name", "Navn", "Benämning", "Navn", "Nimi"),
    "quantity": ("Quantity", "Antall", "Antal", "Antal", "Määrä"),
    "unit": ("Unit", "Enhet", "Enhet", "Enhed", "Yksikkö"),
    "lot": (
        "Lot/serial number",
        "Lot/serienummer",
        "Parti/serienummer",
        "Lot/serienummer",
        "Erä/sarjanumero",
    ),
    "unit_cost": (
        "Cost per unit",
        "Kost per enhet",
        "Anskaffningsvärde per enhet",
        "Kostpris pr. enhed",
        "Hankintameno / yksikkö",
    ),
    "acquisition_value": terms("acquisition_value"),
    "nrv": (
        "Net realisable value per unit",
        "Virkelig verdi per enhet",
        "Nettoförsäljningsvärde per enhet",
        "Nettorealisationsværdi pr. enhed",
        "Todennäköinen luovutushinta / yksikkö",
    ),
    "replacement_cost": (
        "Replacement cost per unit",
        "Gjenanskaffelseskost per enhet",
        "Återanskaffningskostnad per enhet",
        "Genanskaffelsesværdi pr. enhed",
        "Jälleenhankintameno / yksikkö",
    ),
    "write_down": terms("write_down"),
    "reason": ("Reason", "Årsak", "Orsak", "Årsag", "Syy"),
    "value": ("Value", "Verdi", "Värde", "Værdi", "Arvo"),
    "opening_value": terms("opening_value"),
    "purchases": terms("purchases"),
    "purchases_or_production": terms("purchases_or_production"),
    "note": ("Note", "Merknad", "Anmärkning", "Bemærkning", "Huomautus"),
    "produced": (
        "production",
        "tilvirkning",
        "tillverkning",
        "fremstilling",
        "valmistus",
    ),
    "closing_acquisition_value": terms("closing_acquisition_value"),
    "closing_value": terms("closing_value"),
    "cost_of_goods_sold": terms("cost_of_goods_sold"),
    "change": terms("change"),
    "equation_note": (
        "Cost of goods sold = opening value + purchases − closing value",
        "Varekostnad = inngående beholdning + innkjøp − utgående beholdning",
        "Kostnad sålda varor = ingående lager + inköp − utgående lager",
        "Vareforbrug = varebeholdning primo + køb − varebeholdning ultimo",
        "Aineiden, tarvikkeiden ja tavaroiden käyttö = alkuvarasto + ostot − "
        "loppuvarasto",
    ),
    # entry lines
    # one term per thing: the closing's name on the form, the PDFs and the entry
    "entry_label": terms("inventory_closing"),
    "step_acquisition_value": (
        "acquisition value",
        "anskaffelseskost",
        "anskaffningsvärde",
        "kostpris",
        "hankintameno",
    ),
    "step_write_down": (
        "write-down",
        "nedskrivning",
        "nedskrivning",
        "nedskrivning",
        "arvonalennus",
    ),
    "step_stock_reserve": (
        "untaxed stock reserve (97 % rule, IL 17:4)",
        "lagerreserve (97 %-regelen, IL 17:4)",
        "lagerreserv (alternativregeln, IL 17:4)",
        "ubeskattet lagerreserve (97 %-reglen, IL 17:4)",
        "varastovaraus (97 %:n sääntö, IL 17:4)",
    ),
    # reasons
    "reason_nrv": terms("nrv"),
    "reason_replacement_cost": terms("replacement_cost"),
    "reason_obsolescence": terms("obsolescence"),
    "reason_group": (
        "Group valuation",
        "Gruppevurdering",
        "Kollektiv värdering",
        "Gruppevurdering",
        "Ryhmäarvostus",
    ),
    "reason_fixed_value": (
        "Fixed value",
        "Fast verdi",
        "Fast värde",
        "Fast værdi",
        "Kiinteä arvo",
    ),
    "reason_k1": (
        "Not recognised (K1)",
        "Ikke balanseført (K1)",
        "Tas inte upp (K1)",
        "Ikke indregnet (K1)",
        "Ei merkitty taseeseen (K1)",
    ),
    # classes
    "raw_material": ("Raw materials", "Råvarer", "Råvaror", "Råvarer", "Aineet"),
    "consumable": (
        "Consumables and supplies",
        "Hjelpematerialer",
        "Tillsatsmaterial och förnödenheter",
        "Hjælpematerialer",
        "Tarvikkeet",
    ),
    "work_in_progress": (
        "Work in progress",
        "Varer under tilvirkning",
        "Produkter i arbete",
        "Varer under fremstilling",
        "Keskeneräiset tuotteet",
    ),
    "finished_goods": (
        "Finished goods",
        "Ferdige egentilvirkede varer",
        "Färdiga varor",
        "Fremstillede varer",
        "Valmiit tuotteet",
    ),
    "goods_for_resale": (
        "Goods for resale",
        "Innkjøpte varer for videresalg",
        "Handelsvaror",
        "Handelsvarer",
        "Tavarat",
    ),
    "stock_reserve": (
        "Untaxed stock reserve",
        "Lagerreserve",
        "Lagerreserv",
        "Lagerreserve",
        "Varastovaraus",
    ),
}
