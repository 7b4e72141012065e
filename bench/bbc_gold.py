"""Hand-labelled actor names for BBC News articles read from ../shared/data at run time.

Only article ids and the names they contain are kept here, never the text. The articles are
taken in file order among those of 150-300 words in each category. Set A (`GOLD`: business 3,
politics 3, tech 2, entertainment 2, sport 2) was labelled before our extractor ran on it, but
its errors were then looked at while the extractor was improved. Set B (`GOLD_B`: the next 11
such articles) was labelled after that and only scored, never used to change the code.
Convention: people, organisations (companies, parties, agencies,
newspapers) and places (countries, cities, venues) named in the title or text; products,
works, events, awards and nationality words are not names. Same line format as
`actor_samples.py`.
"""

GOLD: dict[str, str] = {
    "business/003": """
organisation: Yukos
organisation: Rosneft
organisation: Yugansk
place: Russia
organisation: Menatep Group | Menatep
place: Moscow
place: United States | US
person: Jamie Firestone
person: Tim Osborne
organisation: Reuters
person: Mikhail Khodorkovsky
""",
    "business/005": """
place: United Kingdom | UK
organisation: Allied Domecq | Domecq | Allied
place: France
organisation: Pernod Ricard | Pernod
organisation: Wall Street Journal | WSJ
organisation: Financial Times
place: London
place: Paris
place: United States | US
organisation: Seagram
organisation: Diageo
organisation: Glenmorangie
place: Scotland
organisation: LVMH
organisation: Dunkin' Donuts
organisation: Baskin-Robbins
""",
    "business/006": """
place: Japan
person: Heizo Takenaka
person: Paul Sheard
organisation: Lehman Brothers
place: Tokyo
""",
    "politics/004": """
organisation: Labour Party | Labour
place: Manchester
place: Blackpool
place: Bournemouth
place: Brighton
organisation: National Executive Committee
person: Colin Asplin
organisation: Blackpool Hotel Association
""",
    "politics/010": """
place: Westminster
organisation: Scottish Parliament
place: Las Vegas
place: United Kingdom | UK
place: Glasgow
place: Scotland
organisation: Scottish Executive
place: Ibrox
place: Scottish Exhibition and Conference Centre
organisation: Scottish National Party
""",
    "politics/011": """
person: Michael Howard | Mr Howard | Howard | Michael
person: Sandra Howard | Mrs Howard | Sandra
organisation: Conservative Party | Conservative | Conservative Party Conference | Tory
place: London
person: Liam Fox | Mr Fox | Fox
person: Tony Blair | Mr Blair | Blair
organisation: Labour
organisation: Liberal Democrats
person: Charles Kennedy
place: Bournemouth
organisation: Addaction
organisation: ITV1
""",
    "tech/003": """
organisation: Microsoft
person: Stephen Toulouse
organisation: Sybari Software
""",
    "tech/007": """
organisation: Microsoft
person: Stephen Toulouse
organisation: Sybari Software
""",
    "entertainment/001": """
place: London
organisation: Tate Britain | Tate
person: Richard Wentworth | Wentworth
person: Tracey Emin
organisation: ArtWorks
person: Henry Moore
""",
    "entertainment/002": """
person: Jean-Michel Jarre | Jarre
place: Copenhagen
person: Hans Christian Andersen | Andersen | Christian Andersen | Anderson
place: Denmark
place: Parken
person: Crown Prince Frederik | Prince Frederik | Frederik
person: Crown Princess Mary | Queen Mary | Mary
place: New York
place: Manhattan
place: United States | US
person: Harold Bloom | Bloom
place: Odense
organisation: Hans Christian Anderson School
person: Helena Christensen
person: Harvey Keitel
person: Roger Moore | Sir Roger Moore
person: Cathy Freeman
person: Pele
""",
    "sport/001": """
person: Sarah Claxton | Claxton
place: Madrid
organisation: AAAs
place: Scotland
person: Irina Shevchenko
place: Colchester
place: London
""",
    "sport/004": """
organisation: IAAF
place: Monaco
person: Lamine Diack | Diack
person: Frankie Fredericks
organisation: Athletes' Commission
organisation: IAAF Council
place: Qatar
""",
}


GOLD_B: dict[str, str] = {
    "business/007": """
place: United States | US
organisation: Labor Department
person: Bush | President Bush
person: Herbert Hoover
person: Rick Egelton
organisation: BMO Financial Group
person: Ken Mayland
organisation: ClearView Economics
""",
    "business/009": """
place: Ethiopia
organisation: Food and Agriculture Organisation | FAO
organisation: World Food Programme
person: Henri Josserand
organisation: Global Information and Early Warning System
""",
    "business/010": """
place: United States | US
person: Clinton
place: Washington
organisation: Altria Group | Altria
organisation: RJ Reynolds Tobacco | Reynolds
organisation: Lorillard Tobacco
organisation: Liggett Group
organisation: Brown and Williamson
organisation: Court of Appeals for the District of Columbia | Court of Appeals
organisation: Mafia
""",
    "politics/016": """
organisation: Commons
organisation: Economic Social Research Council | Economic and Social Research Council
""",
    "politics/017": """
person: Gordon Brown | Mr Brown | Brown
organisation: G8
place: Japan
organisation: World Bank
organisation: International Monetary Fund
place: United Kingdom | Britain
place: Germany
place: Canada
person: Jack Straw
""",
    "tech/008": """
organisation: Sophos
place: South America
place: Italy
place: Spain
place: Bulgaria
place: Hungary
person: Mikko Hypponen
organisation: F-Secure
""",
    "tech/012": """
organisation: IBM
""",
    "entertainment/003": """
person: Frank Capra | Capra
person: James Stewart
person: Jon Thoday | Mr Thoday | Thoday
person: Steve Brown | Mr Brown | Brown
place: London
person: Philip van Doren Stern | Van Doren Stern
organisation: Paramount
""",
    "entertainment/004": """
person: Richard Madeley | Richard | Madeley
person: Judy Finnigan | Judy
person: Andrew Taylor
person: Robbie Williams
person: Alice Sebold
person: Joseph O'Connor
organisation: Channel 4
person: David Mitchell
person: Amanda Ross
""",
    "sport/005": """
place: Ethiopia
person: Tirunesh Dibaba | Dibaba
person: Berhane Adera
place: Stuttgart
person: Kenenisa Bekele | Bekele
place: Ireland
person: Alistair Cragg | Cragg
place: Sweden
person: Carolina Kluft | Kluft
place: Slovenia
person: Jolanda Ceplak | Ceplak
""",
    "sport/008": """
person: Ashia Hansen | Hansen
place: Poland
person: Aston Moore | Moore
organisation: Times | The Times
place: Melbourne
""",
}
