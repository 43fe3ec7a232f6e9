#!/usr/bin/env python3
"""Generate data/gazetteer/places.tsv from the GeoNames-derived extract in shared/gazetteer.

Usage: python3 scripts/gen_gazetteer.py [SOURCE_DIR] [OUTPUT_FILE]

SOURCE_DIR defaults to ../shared/gazetteer relative to the repository root (the layout the
project is checked out in); OUTPUT_FILE defaults to data/gazetteer/places.tsv. The output is
deterministic: running the script twice on the same input gives the same bytes, so a diff of
places.tsv shows exactly what a new GeoNames extract changed.

Only the standard library is used so that the script runs anywhere python3 does.
"""

import csv
import os
import sys
import unicodedata

# Synthetic ids for admin1 regions start here; GeoNames ids are far below (about 13 million).
REGION_ID_BASE = 1_000_000_000

# Admin1 codes that are cities rather than oblasts. Their settlements keep the admin1 name, but
# no region row is emitted: "Kyiv" and "Sevastopol" already resolve to the cities themselves.
CITY_ADMIN1 = {"UA.12": "Kyiv City", "UA.20": "Sevastopol City"}

# The English name each region gets, and the stems news writes before "Oblast"/"region"
# ("Zaporozhye region" is how TASS writes what Ukrainian outlets call "Zaporizhzhia Oblast").
# The first stem is the preferred one. Crimea has no stems: "Crimea region" is not how news names it.
REGIONS = {
    "UA.01": ("Cherkasy Oblast", ["Cherkasy", "Cherkassy"]),
    "UA.02": ("Chernihiv Oblast", ["Chernihiv", "Chernigov"]),
    "UA.03": ("Chernivtsi Oblast", ["Chernivtsi", "Chernovtsy"]),
    "UA.04": ("Dnipropetrovsk Oblast", ["Dnipropetrovsk", "Dnepropetrovsk", "Dnipro", "Dnepr"]),
    "UA.05": ("Donetsk Oblast", ["Donetsk"]),
    "UA.06": ("Ivano-Frankivsk Oblast", ["Ivano-Frankivsk", "Ivano-Frankovsk"]),
    "UA.07": ("Kharkiv Oblast", ["Kharkiv", "Kharkov"]),
    "UA.08": ("Kherson Oblast", ["Kherson"]),
    "UA.09": ("Khmelnytskyi Oblast", ["Khmelnytskyi", "Khmelnytsky", "Khmelnitsky"]),
    "UA.10": ("Kirovohrad Oblast", ["Kirovohrad", "Kirovograd"]),
    "UA.11": ("Crimea", None),
    "UA.13": ("Kyiv Oblast", ["Kyiv", "Kiev"]),
    "UA.14": ("Luhansk Oblast", ["Luhansk", "Lugansk"]),
    "UA.15": ("Lviv Oblast", ["Lviv", "Lvov"]),
    "UA.16": ("Mykolaiv Oblast", ["Mykolaiv", "Nikolaev", "Nikolayev"]),
    "UA.17": ("Odesa Oblast", ["Odesa", "Odessa"]),
    "UA.18": ("Poltava Oblast", ["Poltava"]),
    "UA.19": ("Rivne Oblast", ["Rivne", "Rovno"]),
    "UA.21": ("Sumy Oblast", ["Sumy"]),
    "UA.22": ("Ternopil Oblast", ["Ternopil"]),
    "UA.23": ("Vinnytsia Oblast", ["Vinnytsia", "Vinnitsa"]),
    "UA.24": ("Volyn Oblast", ["Volyn", "Volhynia"]),
    "UA.25": ("Zakarpattia Oblast", ["Zakarpattia", "Transcarpathia", "Transcarpathian"]),
    "UA.26": ("Zaporizhzhia Oblast", ["Zaporizhzhia", "Zaporozhye", "Zaporozhzhia"]),
    "UA.27": ("Zhytomyr Oblast", ["Zhytomyr", "Zhitomir"]),
    "RU.09": ("Belgorod Oblast", ["Belgorod"]),
    "RU.10": ("Bryansk Oblast", ["Bryansk"]),
    "RU.41": ("Kursk Oblast", ["Kursk"]),
    "RU.61": ("Rostov Oblast", ["Rostov"]),
    "RU.86": ("Voronezh Oblast", ["Voronezh"]),
}

# Words news puts after a region's stem. Plurals cover "Donetsk and Luhansk oblasts", where the
# second stem carries the suffix for both; "regional" covers titles ("the Luhansk regional governor"),
# which name the region, not its capital city.
REGION_SUFFIXES = ["Oblast", "Oblasts", "region", "regions", "province", "regional"]

# Names that stand for a region without a suffix: the Russian-installed "republics" and Crimea.
REGION_EXTRA_NAMES = {
    "UA.05": ["Donetsk People's Republic"],
    "UA.11": ["Crimean Peninsula", "Republic of Crimea", "Autonomous Republic of Crimea"],
    "UA.14": ["Luhansk People's Republic", "Lugansk People's Republic"],
}

# Apostrophe-like characters GeoNames uses for the soft sign; they are dropped from display names.
APOSTROPHES = "'’ʼ`ʹ‘"


def fold(name):
    """A lowercase, diacritic-free key, used only to deduplicate names within one place."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in stripped if c not in APOSTROPHES).lower()


def is_latin(name):
    """True when every letter of the name is Latin script (so Cyrillic and Greek are left out)."""
    for c in name:
        if c.isalpha() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True


def keep_alternate(name):
    """SOURCE.md's filter: Latin, starting uppercase, at least four characters.

    Every word must start uppercase too, which drops romanisations such as "Kiev osh" and
    "Ki ep"; all-capital words of four letters or fewer are codes (IATA, ICAO), not names.
    """
    if len(name) < 4 or not is_latin(name):
        return False
    if any(c.isdigit() or c in "()[],;/" for c in name):
        return False
    words = name.replace("-", " ").split()
    if not words or not all(w[0].isupper() for w in words):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    return True


def display_name(name):
    """GeoNames writes the soft sign as an apostrophe (Chornomors’k); English news does not."""
    return "".join(c for c in name if c not in APOSTROPHES)


def clean(field):
    """Tabs and pipes would break the output's columns; the source has none, but be sure."""
    return field.replace("\t", " ").replace("|", "/").strip()


def coord(value):
    return f"{float(value):.5f}".rstrip("0").rstrip(".")


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    source = argv[1] if len(argv) > 1 else os.path.join(root, "..", "shared", "gazetteer")
    output = argv[2] if len(argv) > 2 else os.path.join(root, "data", "gazetteer", "places.tsv")

    csv.field_size_limit(sys.maxsize)
    with open(os.path.join(source, "admin1.tsv"), encoding="utf-8") as f:
        admin1_source = {row["admin1_code"]: row["name"] for row in csv.DictReader(f, delimiter="\t")}
    unknown = sorted(set(admin1_source) - set(REGIONS) - set(CITY_ADMIN1))
    if unknown:
        sys.exit(f"admin1 codes without an English region name in this script: {unknown}")

    def admin1_name(code):
        return CITY_ADMIN1.get(code) or REGIONS[code][0]

    with open(os.path.join(source, "places_ua_ru_border.tsv"), encoding="utf-8") as f:
        places = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

    out_rows = []
    members = {}
    for p in places:
        name = clean(display_name(p["name"]))
        seen = {fold(name)}
        alternates = []
        for alt in [p["name"]] + p["alternate_names"].split("|"):
            alt = clean(alt)
            if not keep_alternate(alt) or fold(alt) in seen:
                continue
            seen.add(fold(alt))
            alternates.append(alt)
        code = p["admin1_code"]
        if code not in admin1_source:
            sys.exit(f"{p['geonameid']}: admin1 code {code} is not in admin1.tsv")
        members.setdefault(code, []).append(p)
        out_rows.append([
            p["geonameid"], "settlement", name, admin1_name(code), p["country_code"],
            coord(p["lat"]), coord(p["lon"]), str(int(p["population"] or 0)), "|".join(alternates),
        ])

    region_rows = []
    for index, code in enumerate(sorted(REGIONS)):
        name, stems = REGIONS[code]
        names = [f"{stem} {suffix}" for stem in stems or [] for suffix in REGION_SUFFIXES]
        names.extend(REGION_EXTRA_NAMES.get(code, []))
        names = [n for n in dict.fromkeys(names) if fold(n) != fold(name)]
        group = members.get(code, [])
        if not group:
            sys.exit(f"region {code} has no places to take a centroid from")
        lat = sum(float(p["lat"]) for p in group) / len(group)
        lon = sum(float(p["lon"]) for p in group) / len(group)
        population = sum(int(p["population"] or 0) for p in group)
        region_rows.append([
            str(REGION_ID_BASE + index), "region", name, name, code.split(".")[0],
            coord(lat), coord(lon), str(population), "|".join(names),
        ])

    header = [
        "# Places of Ukraine and the Russian border oblasts, for rift's gazetteer (src/gazetteer.rs).",
        "# GENERATED by scripts/gen_gazetteer.py from shared/gazetteer/places_ua_ru_border.tsv and admin1.tsv:",
        "# do not edit by hand; put corrections in preferred.tsv, aliases.tsv, supplement.tsv or stoplist.tsv.",
        "# Contains data from GeoNames (www.geonames.org), CC BY 4.0. See ATTRIBUTION.md.",
        "# Settlement names drop GeoNames' soft-sign apostrophes; alternates are Latin-script names that",
        "# start uppercase and are at least four characters long. Region rows (ids from "
        f"{REGION_ID_BASE}) are synthetic:",
        "# their coordinates are the mean of their places, their population the sum.",
        "#id\tkind\tname\tadmin1\tcountry\tlat\tlon\tpopulation\talternates",
    ]
    with open(output, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for row in region_rows + out_rows:
            f.write("\t".join(row) + "\n")
    print(f"wrote {len(out_rows)} settlements and {len(region_rows)} regions to {output}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv)
