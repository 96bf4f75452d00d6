#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets into fuzz/seeds/<target>/.

The seeds are the project's own fixtures and the texts of the parsers' unit
tests, plus hand-written files with what real exports carry: Danish letters,
byte order marks, quoted line breaks, base64 and folded LDIF lines.

The CSV and LDIF targets read their first byte as the user's choices (see
fuzz/src/lib.rs): bits 0-2 the source (0-4 an encoding streamed, 5-6 the
whole text detected, 7 raw bytes), bits 3-5 the separator (CSV only) and
bits 6-7 the kind of CSV file (people, people with a mapping, skills,
attendance). With source 6 the next byte says how many bytes before the
decoder's 64 KiB chunk boundary the file starts. Each text is written in
the encodings that make sense for it.
"""

import base64
import hashlib
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT.parent / "tests" / "fixtures"

UTF8, UTF8_BOM, UTF16LE, UTF16BE, CP1252 = 0, 1, 2, 3, 4
WHOLE, ACROSS_CHUNKS, RAW = 5, 6, 7
NO_SEPARATOR, SEMICOLON, COMMA, TAB = 0, 1, 2, 3
PEOPLE, PEOPLE_MAPPED, SKILLS, ATTENDANCE = 0, 1, 2, 3


def encode(text, source):
    if source == UTF8_BOM:
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    if source == UTF16LE:
        return b"\xff\xfe" + text.encode("utf-16-le")
    if source == UTF16BE:
        return b"\xfe\xff" + text.encode("utf-16-be")
    if source == CP1252:
        return text.encode("cp1252", errors="replace")
    return text.encode("utf-8")


def selector(source, separator=NO_SEPARATOR, kind=PEOPLE):
    return bytes([source | separator << 3 | kind << 6])


def across_chunks(target, text, kind=PEOPLE):
    """The text in each encoding that carries a mark, placed so that the
    chunk boundary falls inside its first lines."""
    for source in (UTF8, UTF8_BOM, UTF16LE, UTF16BE):
        for before_boundary in (1, 2, 3, 7, 20, 45):
            write(target, selector(ACROSS_CHUNKS, kind=kind) + bytes([before_boundary]) + encode(text, source))


def write(target, content):
    folder = SEEDS / target
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(content).hexdigest()[:16]
    (folder / name).write_bytes(content)


# ---------------------------------------------------------------------------
# Bundles

BUNDLE_HEAD = '{"format":"hvemved-bundle","version":1,'
BUNDLES = [
    "{}",
    "[]",
    "null",
    '"just a string"',
    '{"format":"hvemved-bundle","version":2,"people":[]}',
    '{"format":"other","version":1}',
    BUNDLE_HEAD + '"people":[],"courses":[]}',
    "\ufeff" + BUNDLE_HEAD + '"people":[{"id":" a ","name":" Ane ","title":"  "}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":"N","email":"no-at-sign"}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":5}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":"N","skills":[{"level":2}]}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":"N","skills":[{"name":"A"},{"name":"a"}]}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":"N","languages":"dansk"}]}',
    BUNDLE_HEAD + '"people":[{"id":"","name":"N"}]}',
    BUNDLE_HEAD + '"people":["just a string"]}',
    BUNDLE_HEAD + '"courses":[{"id":"c","title":"T","kind":"webinar","date":"2024-05-02",'
    '"end_date":"2024-05-01","attendees":["known","ghost"]}]}',
    BUNDLE_HEAD + '"courses":[{"id":"c","title":"T","kind":"Conference"}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":"' + "a" * 501 + '"}]}',
    BUNDLE_HEAD + '"people":[{"id":"p1","name":"Søren Ærø","department":"Børn og Familie / Myndighed",'
    '"skills":[{"name":"Mentalisering","level":4,"can_mentor":true}],"wants_to_learn":["Excel"],'
    '"bio":"Spørg mig om \\u00e6\\u00f8\\u00e5 og \\ud83d\\ude00"}],'
    '"courses":[{"id":"k1","title":"Førstehjælp","kind":"kursus","provider":"Røde Kors",'
    '"date":"2024-03-01","attendees":["p1"],"summary":"Kort","key_takeaways":["a","b"]}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":"N","skills":[{"name":"A","level":9}]}]}',
    BUNDLE_HEAD + '"people":[{"id":"x","name":"N"},{"id":"x","name":"M"}]}',
    BUNDLE_HEAD + '"people":' + "[" * 64 + "]" * 64 + "}",
    BUNDLE_HEAD + '"people":[{"id":"x","name":"N","email":"a@b.dk","phone":null,"location":1e400}]}',
    '{"format":"hvemved-bundle","version":1,"people":[{"id":"x","name":"N"}',
]


def bundles():
    for path in sorted(FIXTURES.glob("*.json")):
        write("bundle", path.read_bytes())
    for text in BUNDLES:
        write("bundle", text.encode("utf-8"))


# ---------------------------------------------------------------------------
# CSV

PEOPLE_FILES = [
    "Navn;E-mail;Stilling\nAnne Hansen;anne@kommune.dk;Socialrådgiver\nBo Ek;;\n",
    "Navn,E-mail,Stilling\nAnne Hansen,anne@kommune.dk,Socialrådgiver\nBo Ek,,\n",
    "Navn\tE-mail\tStilling\nAnne Hansen\tanne@kommune.dk\tSocialrådgiver\nBo Ek\t\t\n",
    "Medarbejdernummer;Navn;Stillingsbetegnelse;Afdeling;Forvaltning;Team;Faggruppe;E-mail;Tlf.;Arbejdssted\n"
    "101;Søren Ærø;Leder;Myndighed / Handicap;Børn og Familie;Team Øst;Socialrådgiver;soeren@kommune.dk;"
    "+45 12 34 56 78;Rådhuset\n",
    "Employee ID,Full name,Job title,Department,Directorate,Team,Profession,Email,Mobile,Office\n"
    "E-7,Åse Øby,Consultant,IT,Staben,Drift,IT,aase@kommune.dk,20304050,Town hall\n",
    "\ufeff Navn ;Skostørrelse; Kaldenavn ;\nAnne;42;Søs;\n",
    "\ufeff\ufeffNavn;Mail\nAnne;a@b.dk\n",
    "ï»¿Navn;Mail\nAnne;a@b.dk\n",
    '"\ufeffNavn";Mail\nAnne;a@b.dk\n',
    'Navn;Stilling;Adresse\n"Anne Hansen";"Leder af ""Huset""";"Rådhuspladsen 1\n8000 Aarhus C"\n'
    '"Bo; Ek";"Konsulent, IT";\n',
    "Navn;Afdeling\r\nSøren Ærø;Børn og Unge\r\nÅse Øby;Social\r\n",
    "",
    "\n\n  \n",
    ";;;\n;;\n",
    "sep=;\n",
    "sep=;\nNavn;Mail\nAnne;\nBo;\n",
    "SEP=,\r\nNavn,Mail\r\nAnne,\r\n",
    "sep=\t\nNavn\tTitel;Afdeling\nAnne\tLeder;IT\n",
    'Navn;Note\n"Anne";"a\r\nb"\nBo;\n',
    "\r\n\r\nNavn\r\n\r\nAnne\r\n;\r\nBo",
    "Navn\rAnne\rBo\r",
    "Medarbejdernummer;Navn;E-mail\n101;Anne;anne@kommune.dk\n101;Bo;\n;Carl;carl@kommune.dk\n"
    ";Carl igen;CARL@kommune.dk\n",
    "Navn;E-mail\nAnne;bo(at)kommune.dk\nBo;carl@kommune\nCarl;eva@@kommune.dk\nDorte;gitte@kommune..dk\n",
    "Navn;E-mail\nAnne;a@b.dk;extra\nBo\n",
    "Fornavn;Efternavn;Navn\nAnne;Hansen;\nBo;;\n;Ek;\n;;\n",
    "Navn;Forvaltning;Afdeling;Team\nAnne;Børn og Familie;Børn og Familie / Myndighed;\n"
    "Bo;;Myndighed /  / Handicap;\n",
    "Navn;Titel\n" + "Anne;" + "ø" * 4001 + "\n",
    'Navn;Note\n"Anne;"unterminated\n',
    'Navn;Note\nAnne;"never closed\n',
]

SKILL_FILES = [
    "Medarbejdernummer;Kompetence;Niveau\n101;Motiverende samtale;4\n102;Excel;grundlæggende\n"
    '103;;3\n;Jura;2\n104;Jura;6\n101;motiverende samtale;3\n107;"Sags-\nbehandling";5\n',
    "Email,Skill,Level,Comment\nanne@kommune.dk,Excel,3,likes it\n",
    "Medarbejdernummer;Niveau\n1;2\n",
]

ATTENDANCE_FILES = [
    "Kursustitel,E-mail,Dato\nFørstehjælp,anne@kommune.dk,2024-03-01\nFørstehjælp,bo@kommune.dk,01-03-2024\n"
    '"Konflikt, de-eskalering",carl@kommune.dk,1.3.2024\nExcel,dorte@kommune.dk,01/03/2024 00:00\n'
    "Jura,eva@kommune.dk,31-02-2024\nførstehjælp,ANNE@kommune.dk,1-3-2024\n",
    "Kursus;Dato\n",
    "Kursus;Medarbejdernummer;Dato\nFørstehjælp;101;2024-3-1\nExcel;102;99999-1-1\n",
]

MAPPINGS = [
    "kaldenavn = name\nNavn = ignore\nNr = employee_id\nID = ignore\nLeder = title\n",
    "# Mapping for the payroll export\nAnsat a=b = EMAIL\n",
]
MAPPED_FILE = "ID;Nr;Navn;Kaldenavn;Leder;E-mail\n1;A-7;Anne Marie Hansen;Søs;Chef;soes@kommune.dk\n"


def csv_seeds():
    def each_encoding(text, kind, separators=(NO_SEPARATOR,)):
        for source in (UTF8, UTF8_BOM, UTF16LE, UTF16BE, CP1252, WHOLE):
            for separator in separators:
                write("people_csv", selector(source, separator, kind) + encode(text, source))

    for text in PEOPLE_FILES:
        each_encoding(text, PEOPLE)
    for separator in (SEMICOLON, COMMA, TAB):
        write("people_csv", selector(UTF8, separator) + PEOPLE_FILES[0].encode())
    for text in SKILL_FILES:
        each_encoding(text, SKILLS)
    for text in ATTENDANCE_FILES:
        each_encoding(text, ATTENDANCE)
    for mapping in MAPPINGS:
        write("people_csv", selector(UTF8, kind=PEOPLE_MAPPED) + mapping.encode() + b"\0" + MAPPED_FILE.encode())
    for text in PEOPLE_FILES[3:5] + PEOPLE_FILES[9:11]:
        across_chunks("people_csv", text)
    across_chunks("people_csv", SKILL_FILES[0], SKILLS)
    across_chunks("people_csv", ATTENDANCE_FILES[0], ATTENDANCE)
    # Windows-1252 bytes read as UTF-8 and half a UTF-16 character.
    write("people_csv", selector(UTF8) + "Navn;By\nSøren;Århus\n".encode("cp1252"))
    write("people_csv", selector(UTF16LE) + b"\xff\xfeN\x00a\x00v\x00n\x00\n\x00\x00\xd8")
    write("people_csv", selector(RAW) + "Navn;By\nSøren;Århus\n".encode("cp1252"))


# ---------------------------------------------------------------------------
# LDIF

def b64(value):
    raw = value.encode("utf-8") if isinstance(value, str) else value
    return base64.b64encode(raw).decode("ascii")


ANNE = """dn: CN=Anne Hansen,OU=Myndighed,OU=Brugere,DC=kommune,DC=local
objectClass: top
objectClass: person
objectClass: organizationalPerson
objectClass: user
cn: Anne Hansen
givenName: Anne
sn: Hansen
displayName: Anne Hansen
title: Socialrådgiver
division: Børn og Familie
department: Myndighed
mail: anne@kommune.dk
userPrincipalName: anha@kommune.local
telephoneNumber: +45 12 34 56 78
mobile: +45 87 65 43 21
physicalDeliveryOfficeName: Rådhuset
employeeID: 1042
"""

GROUPS = """dn: CN=Alle ansatte,OU=Grupper
objectClass: top
objectClass: group
cn: Alle ansatte

dn: OU=Myndighed,DC=kommune
objectClass: organizationalUnit
ou: Myndighed

dn: CN=PC-0042,OU=Computere
objectClass: user
objectClass: computer
cn: PC-0042

dn: DC=kommune
dc: kommune

dn: CN=Bo,DC=kommune
objectClass: user
cn: Bo Jensen
"""

LDIF_FILES = [
    ANNE,
    "version: 1\n\n" + ANNE + "\ndn: CN=Bo Jensen,DC=kommune\nobjectClass: user\ncn: Bo Jensen\n",
    "version: 1\ndn: CN=Bo,DC=kommune\ncn: Bo Jensen\n",
    "version: 2\n\ndn: CN=Bo\ncn: Bo\n",
    "# Export fra AD\n#  fortsat\n kommentarens fortsættelse\n\ndn: CN=Bo,DC=kommune\n# en kommentar midt i\n"
    "objectClass: user\ncn: Bo Jensen\n# slut\n",
    "version: 1\r\n\r\n" + ANNE.replace("\n", "\r\n") + "\r\n",
    "\ufeffversion: 1\n\ndn: CN=Bo\ncn: Bo Jensen\n",
    "dn: CN=Bo\ncn: Bo Jen\n sen\ntitle: Leder af\n  Myndighed\n",
    "dn: CN=Bo\r\ncn: Søren\r\n  Ærø\r\n",
    f"dn:: {b64('CN=Søren Ærø,OU=Brugere')}\nobjectClass: user\ndisplayName:: {b64('Søren Ærø')}\n",
    f"dn: CN=x\ncn:: {b64('Æro Søren')[:9]}\n {b64('Æro Søren')[9:]}\n",
    "dn: CN=Bo\ncn: Bo\njpegPhoto:< file:///etc/passwd\n",
    "version: 1\n\ndn: CN=Bo\ncn:: ***ikke base64***\n",
    f"dn: CN=x\ncn: x\ndisplayName:: {b64('Søren'.encode('latin-1'))}\n",
    f"dn: CN=Bo\nobjectGUID:: {b64(bytes([0xFF, 0x00, 0xFE, 0x80]))}\ncn: Bo\n",
    "DN: CN=Bo\nCN;lang-da: Bo Jensen\nMAIL: bo@kommune.dk\nTitle: Jurist\n",
    "dn: CN=x\nobjectClass: user\ngivenName: Bo\nsn: Jensen\n",
    "dn: CN=x\nobjectClass: user\nmail: x@kommune.dk\n",
    GROUPS,
    "dn: CN=Bo,DC=kommune\nchangetype: modify\nreplace: title\ntitle: Leder\n-\n",
    "cn: Bo Jensen\nmail: bo@kommune.dk\n",
    "dn: CN=Bo\ncn Bo Jensen\n",
    "dn: CN=Bo\ncn: Bo\n\n fortsat\ncn: Anne\n",
    "dn: CN=x\ncn:: %%%\n\n" + ANNE,
    "dn: CN=x\ncn: Anne\nmail: anne(at)kommune.dk\n",
    "dn: CN=x\ncn: Anne\nuserPrincipalName: KOMMUNE\\anha\n",
    "dn: CN=x\ncn: Anne\ndivision: Børn og Familie\ndepartment: Børn og Familie / Myndighed / Team Nord\n",
    "dn: CN=x\ncn: Anne\ntitle: " + "å" * 4001 + "\n",
    "",
    "version: 1\n\n# intet\n",
]


def ldif_seeds():
    for text in LDIF_FILES:
        for source in (UTF8, UTF8_BOM, UTF16LE, UTF16BE, CP1252, WHOLE):
            write("ldif", selector(source) + encode(text, source))
    for text in (ANNE, LDIF_FILES[7], LDIF_FILES[9], LDIF_FILES[10]):
        across_chunks("ldif", text)
    write("ldif", selector(RAW) + "dn: CN=x\ncn: Søren\n".encode("cp1252"))


# ---------------------------------------------------------------------------
# Queries

QUERIES = [
    "",
    " ",
    "mentalisering",
    "Mentalisering",
    "børnefaglig undersøgelse",
    "borneFAGLIG undersogelse",
    "SSP-konsulent",
    "substance abuse prevention",
    '"motiverende samtale"',
    '"unbalanced',
    'a "b" c "d',
    '""',
    '"""',
    "AND OR",
    "NOT",
    "name:",
    "name:Anne title:Leder",
    "- *",
    "*",
    "?",
    "~2",
    "^3",
    "+mentalisering -excel",
    "(" * 200,
    ")" * 200,
    "(" * 50 + "a" + ")" * 50,
    "§ 50",
    "serviceloven § 11",
    "---",
    "a-b-c-d-e-f-g-h-i-j",
    "æøå ÆØÅ",
    "Ærø Østergård Åse",
    "ångström",
    "\u0000\u0001\u0007",
    "\u200b\ufeff\u202e",
    "😀 emoji",
    "ﬁ ligature",
    "İstanbul",
    "x" * 400,
    "a " * 200,
    "mentalisering " * 40,
    "\"a\" " * 20,
    "forebyggelse af misbrug hos unge i udsatte boligområder",
    "Excel Word PowerPoint Teams SharePoint",
    "sygeplejerske med erfaring i demens",
    "jura",
    "kommunal økonomi budget",
]


def query_seeds():
    for query in QUERIES:
        write("query", query.encode("utf-8"))
    write("query", b"\xff\xfe\x00mentalisering")
    write("query", "søg".encode("cp1252"))


def main():
    for target in ("bundle", "people_csv", "ldif", "query"):
        shutil.rmtree(SEEDS / target, ignore_errors=True)
    bundles()
    csv_seeds()
    ldif_seeds()
    query_seeds()
    for target in sorted(path.name for path in SEEDS.iterdir()):
        files = list((SEEDS / target).iterdir())
        size = sum(path.stat().st_size for path in files)
        print(f"{target}: {len(files)} seeds, {size} bytes")


if __name__ == "__main__":
    main()
