"""Labels of the workbook and reports in English, Norwegian bokmål, Swedish,
Danish and Finnish.

The accountant's words of each country (DOMAIN.md and DOMAIN-DK-FI.md, glossaries):
varetelling, beholdningsendring, ukurans; inventering, lagerförändring, inkurans;
optællingsliste, varelagerregulering, ukurante varer, nedskrivning; inventaariolista,
varaston muutos, epäkuranttius, arvonalennus.
"""

from .glossary import LANGUAGES, terms

LABELS = {
    # sheet names (at most 31 characters, no []:*?/\)
    "sheet_summary": (
        "Summary",
        "Sammendrag",
        "Sammanfattning",
        "Oversigt",
        "Yhteenveto",
    ),
    "sheet_items": (
        "Items",
        "Varer post for post",
        "Artiklar post för post",
        "Varer post for post",
        "Nimikkeittäin",
    ),
    "sheet_equation": (
        "Stock equation",
        "Lagerligning",
        "Lagerekvation",
        "Vareforbrugsopgørelse",
        "Varastolaskelma",
    ),
    "sheet_tax": ("Tax", "Skatt", "Skatt", "Skat", "Verotus"),
    "sheet_lots": ("Lots", "Lot", "Partier", "Lot", "Erät"),
    # frameworks (their labels in the Odoo settings, translated the same way)
    "framework_SE_K1": (
        "Sweden K1 (BFNAR 2006:1)",
        "Sverige K1 (BFNAR 2006:1)",
        "Sverige K1 (BFNAR 2006:1)",
        "Sverige K1 (BFNAR 2006:1)",
        "Ruotsi K1 (BFNAR 2006:1)",
    ),
    "framework_SE_K2": (
        "Sweden K2 (BFNAR 2016:10)",
        "Sverige K2 (BFNAR 2016:10)",
        "Sverige K2 (BFNAR 2016:10)",
        "Sverige K2 (BFNAR 2016:10)",
        "Ruotsi K2 (BFNAR 2016:10)",
    ),
    "framework_SE_K3": (
        "Sweden K3 (BFNAR 2012:1)",
        "Sverige K3 (BFNAR 2012:1)",
        "Sverige K3 (BFNAR 2012:1)",
        "Sverige K3 (BFNAR 2012:1)",
        "Ruotsi K3 (BFNAR 2012:1)",
    ),
    "framework_SE_IFRS": (
        "Sweden IFRS (IAS 2)",
        "Sverige IFRS (IAS 2)",
        "Sverige IFRS (IAS 2)",
        "Sverige IFRS (IAS 2)",
        "Ruotsi IFRS (IAS 2)",
    ),
    "framework_NO_NGAAP_SMALL": (
        "Norway NGAAP, small enterprises (NRS 8)",
        "Norge NGAAP, små foretak (NRS 8)",
        "Norge NGAAP, små företag (NRS 8)",
        "Norge NGAAP, små virksomheder (NRS 8)",
        "Norja NGAAP, pienyritykset (NRS 8)",
    ),
    "framework_NO_NGAAP": (
        "Norway NGAAP (Accounting Act)",
        "Norge NGAAP (regnskapsloven)",
        "Norge NGAAP (norska regnskapsloven)",
        "Norge NGAAP (regnskapsloven)",
        "Norja NGAAP (regnskapsloven)",
    ),
    "framework_NO_IFRS": (
        "Norway IFRS (IAS 2)",
        "Norge IFRS (IAS 2)",
        "Norge IFRS (IAS 2)",
        "Norge IFRS (IAS 2)",
        "Norja IFRS (IAS 2)",
    ),
    "framework_DK_B": (
        "Denmark class B (ÅRL)",
        "Danmark regnskapsklasse B (ÅRL)",
        "Danmark redovisningsklass B (danska ÅRL)",
        "Danmark regnskabsklasse B (ÅRL)",
        "Tanska, tilinpäätösluokka B (ÅRL)",
    ),
    "framework_DK_C": (
        "Denmark classes C and D (ÅRL)",
        "Danmark regnskapsklasse C og D (ÅRL)",
        "Danmark redovisningsklass C och D (danska ÅRL)",
        "Danmark regnskabsklasse C og D (ÅRL)",
        "Tanska, tilinpäätösluokat C ja D (ÅRL)",
    ),
    "framework_DK_IFRS": (
        "Denmark IFRS (IAS 2)",
        "Danmark IFRS (IAS 2)",
        "Danmark IFRS (IAS 2)",
        "Danmark IFRS (IAS 2)",
        "Tanska IFRS (IAS 2)",
    ),
    "framework_FI_FAS": (
        "Finland FAS (KPL, KPA)",
        "Finland FAS (KPL, KPA)",
        "Finland FAS (KPL, KPA)",
        "Finland FAS (KPL, KPA)",
        "Suomi FAS (KPL, KPA)",
    ),
    "framework_FI_PMA": (
        "Finland small and micro companies (PMA 1753/2015)",
        "Finland, små foretak og mikroforetak (PMA 1753/2015)",
        "Finland, små företag och mikroföretag (PMA 1753/2015)",
        "Finland, små virksomheder og mikrovirksomheder (PMA 1753/2015)",
        "Suomi, pien- ja mikroyritykset (PMA 1753/2015)",
    ),
    "framework_FI_IFRS": (
        "Finland IFRS (IAS 2)",
        "Finland IFRS (IAS 2)",
        "Finland IFRS (IAS 2)",
        "Finland IFRS (IAS 2)",
        "Suomi IFRS (IAS 2)",
    ),
    "sheet_chart": ("Chart", "Diagram", "Diagram", "Diagram", "Kaavio"),
    "chart_title": (
        "Inventory per class: last closing, this closing and write-down",
        "Varelager per klasse: forrige avslutning, denne avslutningen og nedskrivning",
        "Lager per klass: förra bokslutet, detta bokslut och nedskrivning",
        "Varelager pr. klasse: sidste afslutning, denne afslutning og nedskrivning",
        "Varasto ryhmittäin: edellinen tilinpäätös, tämä tilinpäätös ja arvonalennus",
    ),
    "sheet_principles": (
        "Principles",
        "Prinsipper",
        "Principer",
        "Principper",
        "Periaatteet",
    ),
    # summary
    "title": (
        "Year-end inventory closing",
        "Varelageravslutning",
        "Lagerbokslut",
        "Lagerafslutning",
        "Varaston tilinpäätös",
    ),
    "company": terms("company"),
    "balance_date": terms("balance_date"),
    "fiscal_year": (
        "Fiscal year",
        "Regnskapsår",
        "Räkenskapsår",
        "Regnskabsår",
        "Tilikausi",
    ),
    "framework": terms("framework"),
    "method": (
        "Cost flow",
        "Kostnadsflyt",
        "Kostnadsflöde",
        "Kostprismetode",
        "Kulutusjärjestys",
    ),
    "fifo": (
        "FIFO",
        "FIFO",
        "FIFU (först in, först ut)",
        "FIFO (først ind, først ud)",
        "FIFO (ensin sisään, ensin ulos)",
    ),
    "average": (
        "Weighted average",
        "Veid gjennomsnitt",
        "Vägt genomsnitt",
        "Vejet gennemsnit",
        "Painotettu keskihinta",
    ),
    # valuation by lot/serial number (Odoo's own words for a lot/serial number)
    "lot_cost": (
        "Actual cost per lot/serial number",
        "Faktisk anskaffelseskost per lot/serienummer",
        "Faktiskt anskaffningsvärde per parti/serienummer",
        "Faktisk kostpris pr. lot/serienummer",
        "Todellinen hankintameno erä- tai sarjanumerokohtaisesti",
    ),
    "standard": (
        "Standard cost",
        "Standardkost",
        "Standardkostnad",
        "Standardkostpris",
        "Standardikustannus",
    ),
    "entry_number": terms("journal_entry"),
    "not_posted": (
        "not posted",
        "ikke bokført",
        "ej bokförd",
        "ikke bogført",
        "ei kirjattu",
    ),
    "currency": ("Currency", "Valuta", "Valuta", "Valuta", "Valuutta"),
    "classes": terms("inventory_classes"),
    "entry": (
        "Change-in-inventory entry",
        "Bilag for beholdningsendring",
        "Verifikation för lagerförändring",
        "Postering af varelagerregulering",
        "Varaston muutoksen kirjaus",
    ),
    "no_entry": (
        "Nothing to book: the ledger already shows the closing values.",
        "Ingenting å bokføre: hovedboken viser allerede utgående beholdning.",
        "Inget att bokföra: huvudboken visar redan utgående lager.",
        "Intet at bogføre: hovedbogen viser allerede varebeholdningen ultimo.",
        "Ei kirjattavaa: pääkirja näyttää jo loppuvaraston arvot.",
    ),
    "notes": ("Notes", "Merknader", "Anmärkningar", "Bemærkninger", "Huomautukset"),
    "page": ("Page", "Side", "Sida", "Side", "Sivu"),
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
    # principles
    "principles_title": (
        "Accounting principles for the note on inventories",
        "Regnskapsprinsipper for noten om varelager",
        "Redovisningsprinciper för noten om varulager",
        "Anvendt regnskabspraksis for noten om varebeholdninger",
        "Vaihto-omaisuuden arvostusperiaatteet liitetietoja varten",
    ),
    "principle_valuation": (
        "Inventories are valued at the lower of acquisition value and net realisable "
        "value, item by item.",
        "Varelager er vurdert til laveste av anskaffelseskost og virkelig verdi, "
        "post for post.",
        "Varulagret har värderats till det lägsta av anskaffningsvärdet och "
        "nettoförsäljningsvärdet, post för post.",
        "Varebeholdninger måles til den laveste af kostpris og "
        "nettorealisationsværdi, post for post.",
        "Vaihto-omaisuus on arvostettu hankintamenoon tai sitä alempaan "
        "todennäköiseen luovutushintaan nimikkeittäin.",
    ),
    "principle_valuation_three": (
        "Inventories are valued at the lowest of acquisition cost, replacement cost "
        "and probable selling price, item by item (KPL 5:6 §).",
        "Varelager er vurdert til laveste av anskaffelseskost, gjenanskaffelseskost "
        "og sannsynlig salgspris, post for post (KPL 5:6 §).",
        "Varulagret har värderats till det lägsta av anskaffningsvärdet, "
        "återanskaffningskostnaden och det sannolika försäljningspriset, post för post "
        "(KPL 5:6 §).",
        "Varebeholdninger måles til den laveste af kostpris, genanskaffelsesværdi og "
        "sandsynlig salgspris, post for post (KPL 5:6 §).",
        "Vaihto-omaisuus on arvostettu hankintamenoon tai sitä alempaan "
        "jälleenhankintamenoon tai todennäköiseen luovutushintaan nimikkeittäin (KPL "
        "5:6 §).",
    ),
    "principle_fifo": (
        "Acquisition value is determined by the first-in, first-out method (FIFO).",
        "Anskaffelseskost er fastsatt etter først inn, først ut (FIFO).",
        "Anskaffningsvärdet har beräknats enligt först in, först ut-principen (FIFU).",
        "Kostprisen er opgjort efter først ind, først ud-princippet (FIFO).",
        "Hankintameno on määritetty FIFO-periaatteella (ensin sisään, ensin ulos).",
    ),
    "principle_average": (
        "Acquisition value is determined by the weighted average cost method.",
        "Anskaffelseskost er fastsatt etter veid gjennomsnittsmetode.",
        "Anskaffningsvärdet har beräknats enligt vägda genomsnittspriser.",
        "Kostprisen er opgjort efter vejede gennemsnitspriser.",
        "Hankintameno on määritetty painotetun keskihinnan mukaan.",
    ),
    "principle_standard": (
        "Acquisition value is the standard cost, which is reviewed regularly so that "
        "it approximates actual cost.",
        "Anskaffelseskost er standardkost, som vurderes jevnlig slik at den ligger "
        "nær faktisk kost.",
        "Anskaffningsvärdet är standardkostnaden, som ses över regelbundet så att "
        "den motsvarar det verkliga anskaffningsvärdet.",
        "Kostprisen er standardkostprisen, som revurderes jævnligt, så den svarer "
        "til den faktiske kostpris.",
        "Hankintameno on standardikustannus, jota tarkistetaan säännöllisesti niin, "
        "että se vastaa todellista hankintamenoa.",
    ),
    "principle_lot": (
        "Products valued by lot/serial number are carried at the actual cost of each "
        "lot or serial number (specific identification), with the cost flow above "
        "applied within each lot; the sheet {sheet} lists them.",
        "Varer som verdsettes per lot/serienummer, er ført til faktisk "
        "anskaffelseskost for hvert lot eller serienummer (spesifikk identifikasjon), "
        "med kostnadsflyten over innenfor hvert lot; arket {sheet} viser dem.",
        "Artiklar som värderas per parti/serienummer har tagits upp till det "
        "faktiska anskaffningsvärdet för varje parti eller serienummer (individuell "
        "identifiering), med kostnadsflödet ovan inom varje parti; bladet {sheet} "
        "förtecknar dem.",
        "Varer, der værdiansættes pr. lot/serienummer, er ført til den faktiske "
        "kostpris for hvert lot eller serienummer (specifik identifikation) med "
        "kostprismetoden ovenfor inden for hvert lot; arket {sheet} viser dem.",
        "Erä- tai sarjanumerokohtaisesti arvostetut nimikkeet on merkitty kunkin "
        "erän tai sarjanumeron todelliseen hankintamenoon (yksilöinti), erän sisällä "
        "edellä mainitun kulutusjärjestyksen mukaan; välilehti {sheet} erittelee ne.",
    ),
    "principle_nrv": (
        "Net realisable value is the expected selling price less the costs to sell.",
        "Virkelig verdi er forventet salgspris med fradrag for salgskostnader.",
        "Nettoförsäljningsvärdet är det beräknade försäljningspriset minskat med "
        "försäljningskostnader.",
        "Nettorealisationsværdien er den forventede salgspris med fradrag af "
        "salgsomkostninger.",
        "Todennäköinen luovutushinta on arvioitu myyntihinta vähennettynä myynnin "
        "kustannuksilla.",
    ),
    "principle_obsolescence": (
        "Obsolescence is provided for by age bands (days since last movement: "
        "percent):",
        "Ukurans er avsatt etter aldersintervaller (dager siden siste bevegelse: "
        "prosent):",
        "Inkurans har beaktats efter åldersintervall (dagar sedan senaste rörelse: "
        "procent):",
        "Der er nedskrevet for ukurans efter aldersintervaller (dage siden seneste "
        "bevægelse: procent):",
        "Epäkuranttius on otettu huomioon ikäryhmittäin (päiviä viimeisestä "
        "tapahtumasta: prosenttia):",
    ),
    "principle_97": (
        "The stock is valued for tax under the 97 % rule (IL 17:4).",
        "Varelageret er skattemessig vurdert etter 97 %-regelen (IL 17:4).",
        "Lagret har skattemässigt värderats enligt alternativregeln (IL 17:4).",
        "Lageret er skattemæssigt værdiansat efter 97 %-reglen (IL 17:4).",
        "Varasto on arvostettu verotuksessa 97 %:n säännön mukaan (IL 17:4).",
    ),
    "principle_fixed": (
        "Raw materials and consumables are carried at a fixed quantity and value "
        "({law}).",
        "Råvarer og hjelpematerialer er ført til fast mengde og verdi ({law}).",
        "Råvaror och förnödenheter har tagits upp till fast mängd och värde ({law}).",
        "Råvarer og hjælpematerialer er ført til fast mængde og værdi ({law}).",
        "Aineet ja tarvikkeet on merkitty taseeseen kiinteään määrään ja arvoon "
        "({law}).",
    ),
    "disclosure_title": (
        "Replacement value against cost per balance-sheet line ({rule})",
        "Gjenanskaffelsesverdi mot anskaffelseskost per balansepost ({rule})",
        "Återanskaffningsvärde mot anskaffningsvärde per balanspost ({rule})",
        "Genanskaffelsesværdi mod kostpris pr. balancepost ({rule})",
        "Jälleenhankintameno ja hankintameno tase-erittäin ({rule})",
    ),
    "balance_sheet_line": (
        "Balance-sheet line",
        "Balansepost",
        "Balanspost",
        "Balancepost",
        "Tase-erä",
    ),
    "replacement_value": terms("replacement_value"),
    "disclosure_note": (
        "Replacement value: quantity × replacement cost per unit at the balance "
        "date; an item without one counts at cost.",
        "Gjenanskaffelsesverdi: antall × gjenanskaffelseskost per enhet på "
        "balansedagen; en vare uten den regnes til anskaffelseskost.",
        "Återanskaffningsvärde: antal × återanskaffningskostnad per enhet på "
        "balansdagen; en artikel utan det räknas till anskaffningsvärdet.",
        "Genanskaffelsesværdi: antal × genanskaffelsesværdi pr. enhed på "
        "balancedagen; en vare uden den regnes til kostpris.",
        "Jälleenhankintameno: määrä × jälleenhankintameno yksikköä kohden "
        "tilinpäätöspäivänä; nimike ilman sitä lasketaan hankintamenoon.",
    ),
    "count_list": terms("count_list"),
    "counted": (
        "Counted quantity",
        "Opptalt antall",
        "Inventerat antal",
        "Optalt antal",
        "Inventoitu määrä",
    ),
    # the engine's notes on the valuation ({placeholders}: amounts already written
    # as the language writes them, format_amount)
    "note_fixed_value": (
        "{cls}: carried at the fixed value {fixed} (actual acquisition value "
        "{actual}; {rule})",
        "{cls}: ført til fast verdi {fixed} (faktisk anskaffelseskost {actual}; "
        "{rule})",
        "{cls}: har tagits upp till fast värde {fixed} (faktiskt anskaffningsvärde "
        "{actual}; {rule})",
        "{cls}: ført til fast værdi {fixed} (faktisk kostpris {actual}; {rule})",
        "{cls}: merkitty kiinteään arvoon {fixed} (todellinen hankintameno "
        "{actual}; {rule})",
    ),
    "note_rule_97": (
        "97 % rule (IL 17:4): 97 % of the acquisition value {acquisition} is "
        "{alternative}, lower than the main rule {main}; the 3 % ({allowance}) is "
        "booked {booked}",
        "97 %-regelen (IL 17:4): 97 % av anskaffelseskosten {acquisition} er "
        "{alternative}, lavere enn hovedregelen {main}; de 3 % ({allowance}) er "
        "bokført {booked}",
        "Alternativregeln (IL 17:4): 97 % av anskaffningsvärdet {acquisition} är "
        "{alternative}, lägre än huvudregeln {main}; de 3 % ({allowance}) har "
        "bokförts {booked}",
        "97 %-reglen (IL 17:4): 97 % af kostprisen {acquisition} er {alternative}, "
        "lavere end hovedreglen {main}; de 3 % ({allowance}) er bogført {booked}",
        "97 %:n sääntö (IL 17:4): 97 % hankintamenosta {acquisition} on "
        "{alternative}, vähemmän kuin pääsäännön mukainen arvo {main}; 3 % "
        "({allowance}) on kirjattu {booked}",
    ),
    "note_rule_97_contra": (
        "on the contra accounts",
        "på motkontoene",
        "på lagrets värdeminskningskonton",
        "på modkontiene",
        "vähennystileille",
    ),
    "note_rule_97_reserve": (
        "as untaxed stock reserve",
        "som lagerreserve",
        "som obeskattad lagerreserv",
        "som ubeskattet lagerreserve",
        "verottamattomaksi varastovaraukseksi",
    ),
    "note_rule_97_not_fifo": (
        "97 % rule computed on the acquisition value by {methods}: IL 17:3 presumes "
        "FIFO; check that the two do not differ materially",
        "97 %-regelen er beregnet på anskaffelseskost etter {methods}: IL 17:3 "
        "forutsetter FIFO; kontroller at de to ikke avviker vesentlig",
        "Alternativregeln har beräknats på anskaffningsvärdet enligt {methods}: "
        "IL 17:3 förutsätter FIFU; kontrollera att de två inte skiljer sig "
        "väsentligt",
        "97 %-reglen er beregnet på kostprisen efter {methods}: IL 17:3 "
        "forudsætter FIFO; kontrollér, at de to ikke afviger væsentligt",
        "97 %:n sääntö on laskettu hankintamenosta, joka on määritetty "
        "menetelmällä {methods}: IL 17:3 edellyttää FIFO-periaatetta; tarkista, "
        "etteivät ne poikkea olennaisesti",
    ),
    "note_k1": (
        "K1: the stock's acquisition value {total} is at most the threshold "
        "{threshold} for {year} ({source}); it is not recognised",
        "K1: varelagerets anskaffelseskost {total} er ikke over terskelen "
        "{threshold} for {year} ({source}); det balanseføres ikke",
        "K1: lagrets anskaffningsvärde {total} överstiger inte gränsen {threshold} "
        "för {year} ({source}); det tas inte upp",
        "K1: lagerets kostpris {total} er højst grænsen {threshold} for {year} "
        "({source}); det indregnes ikke",
        "K1: varaston hankintameno {total} ei ylitä vuoden {year} rajaa "
        "{threshold} ({source}); sitä ei merkitä taseeseen",
    ),
    "note_no_dagspris": (
        "Denmark (varelagerloven § 1): no dagspris (replacement cost) yet for "
        "{products} of a product group valued at dagspris: valued for tax at cost "
        "until it is entered",
        "Danmark (varelagerloven § 1): ingen dagspris (gjenanskaffelseskost) ennå "
        "for {products} i en varegruppe som verdsettes til dagspris: skattemessig "
        "verdsatt til anskaffelseskost til den er registrert",
        "Danmark (varelagerloven § 1): inget dagspris (återanskaffningskostnad) "
        "ännu för {products} i en varugrupp som värderas till dagspris: "
        "skattemässigt värderad till anskaffningsvärdet tills det har angetts",
        "Varelagerloven § 1: endnu ingen dagspris (genanskaffelsesværdi) for "
        "{products} i en varegruppe, der værdiansættes til dagspris: skattemæssigt "
        "værdiansat til kostpris, indtil den er indtastet",
        "Tanska (varelagerloven § 1): päivähintaa (jälleenhankintamenoa) ei vielä "
        "ole nimikkeille {products} tuoteryhmässä, joka arvostetaan "
        "päivähintaan: arvostettu verotuksessa hankintamenoon, kunnes se syötetään",
    ),
    "note_dagspris_not_fifo": (
        "varelagerloven § 1: the tax value at purchase or manufacturing price is "
        "accepted on FIFO only (Den juridiske vejledning C.C.2.3.1.6); it is "
        "computed here by {methods}: recompute it on FIFO for the return",
        "varelagerloven § 1: skattemessig verdi til innkjøps- eller "
        "tilvirkningspris godtas bare etter FIFO (Den juridiske vejledning "
        "C.C.2.3.1.6); her er den beregnet etter {methods}: beregn den på nytt "
        "etter FIFO for selvangivelsen",
        "varelagerloven § 1: skattemässigt värde till inköps- eller "
        "tillverkningspris godtas endast enligt FIFU (Den juridiske vejledning "
        "C.C.2.3.1.6); här har det beräknats enligt {methods}: beräkna det på nytt "
        "enligt FIFU för deklarationen",
        "varelagerloven § 1: den skattemæssige værdi til indkøbs- eller "
        "fremstillingspris accepteres kun efter FIFO (Den juridiske vejledning "
        "C.C.2.3.1.6); her er den opgjort efter {methods}: opgør den igen efter "
        "FIFO til selvangivelsen",
        "varelagerloven § 1: verotusarvo osto- tai valmistushintaan hyväksytään "
        "vain FIFO-periaatteella (Den juridiske vejledning C.C.2.3.1.6); tässä se "
        "on laskettu menetelmällä {methods}: laske se uudelleen "
        "FIFO-periaatteella veroilmoitusta varten",
    ),
    "note_dagspris_obsolete": (
        "varelagerloven § 1: {products} written down and taken for tax at a "
        "dagspris below cost: where that is the dagspris of equivalent obsolete "
        "goods (ukurante varer), disclose them with the tax return (Den juridiske "
        "vejledning C.C.2.3.1.6)",
        "varelagerloven § 1: {products} er nedskrevet og skattemessig verdsatt til "
        "en dagspris under anskaffelseskost: der dette er dagsprisen for "
        "tilsvarende ukurante varer, skal de oppgis sammen med selvangivelsen (Den "
        "juridiske vejledning C.C.2.3.1.6)",
        "varelagerloven § 1: {products} har skrivits ned och värderats "
        "skattemässigt till ett dagspris under anskaffningsvärdet: där det är "
        "dagspriset för motsvarande inkuranta varor ska de redovisas med "
        "deklarationen (Den juridiske vejledning C.C.2.3.1.6)",
        "varelagerloven § 1: {products} er nedskrevet og skattemæssigt værdiansat "
        "til en dagspris under kostprisen: hvor det er dagsprisen for tilsvarende "
        "ukurante varer, skal de oplyses sammen med selvangivelsen (Den juridiske "
        "vejledning C.C.2.3.1.6)",
        "varelagerloven § 1: nimikkeille {products} on tehty arvonalennus, ja ne "
        "on arvostettu verotuksessa hankintamenoa alempaan päivähintaan: jos se on "
        "vastaavien epäkuranttien tavaroiden päivähinta, ne on ilmoitettava "
        "veroilmoituksen yhteydessä (Den juridiske vejledning C.C.2.3.1.6)",
    ),
    "note_and_more": (
        "{list} and {count} more",
        "{list} og {count} til",
        "{list} och {count} till",
        "{list} og {count} mere",
        "{list} ja {count} muuta",
    ),
    "nrv_source": (
        "Source of net realisable value",
        "Kilde for virkelig verdi",
        "Källa för nettoförsäljningsvärde",
        "Kilde for nettorealisationsværdi",
        "Todennäköisen luovutushinnan lähde",
    ),
}


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
