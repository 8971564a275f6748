"""Labels of the accounting principles (the note on inventories), of the
replacement value disclosure (ÅRL § 89 stk. 2, KPA 2:4 §) and of the count list.

Each key maps to its texts in the order of ``glossary.LANGUAGES`` (en, nb, sv,
da, fi); ``labels.py`` merges this dict into ``LABELS``.
"""

from .glossary import terms

PRINCIPLES = {
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
}
