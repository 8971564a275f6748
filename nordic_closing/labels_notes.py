"""The engine's notes on the valuation (fixed values, the 97 % rule, K1, Denmark's
dagspris), in every language, and the source of the net realisable value.

Each key maps to its texts in the order of ``glossary.LANGUAGES`` (en, nb, sv,
da, fi); ``labels.py`` merges this dict into ``LABELS``.
"""

NOTES = {
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
