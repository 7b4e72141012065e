"""The gazetteer's tables, as plain text a reader can extend with a line: armed groups,
international organisations, regions and phrases the ruler claims (the countries are in
`gazetteer_countries`). Read by `briefing.analysis.gazetteer`.
"""

# name | aliases: other names, acronyms (an upper-case alias is matched exactly as written)
# An indented line continues the row above.
GROUPS = """
Islamic State | IS, ISIS, ISIL, Isis, Daesh, Da'esh, Islamic State of Iraq and the Levant,
    Islamic State of Iraq and Syria, Islamic State of Iraq and al-Sham
al-Qaeda | al-Qaida, al Qaeda, al Qaida, al-Qa'ida, Al Qaeda, Al-Qaida
al-Qaeda in the Arabian Peninsula | AQAP
al-Qaeda in the Islamic Maghreb | AQIM
al-Shabab | al-Shabaab, al Shabab, al Shabaab, Shabab, Shabaab, Harakat al-Shabaab al-Mujahideen
Hezbollah | Hizbollah, Hizballah, Hizbullah, Hezbullah
Hamas | Islamic Resistance Movement
Palestinian Islamic Jihad | Islamic Jihad
Fatah |
Taliban | Pakistani Taliban, Tehrik-i-Taliban, Tehreek-e-Taliban, TTP
Boko Haram | Jama'atu Ahlis Sunna Lidda'awati wal-Jihad
Islamic State West Africa Province | ISWAP
PKK | Kurdistan Workers' Party, Kurdistan Workers Party
YPG | People's Protection Units
Syrian Democratic Forces | SDF
Free Syrian Army | FSA
Hayat Tahrir al-Sham | HTS, Tahrir al-Sham
Nusra Front | al-Nusra Front, Jabhat al-Nusra, al-Nusra, Nusra
Houthis | Houthi, Huthis, Huthi, Ansar Allah, Ansarullah, Houthi movement
Wagner Group | Wagner PMC, PMC Wagner, Wagner mercenary group
Muslim Brotherhood | Muslim Brothers
Lashkar-e-Taiba | Lashkar-e-Toiba, LeT
Jaish-e-Mohammed | Jaish-e-Muhammad, JeM
Tamil Tigers | Liberation Tigers of Tamil Eelam, LTTE
FARC | Revolutionary Armed Forces of Colombia
ELN |
Shining Path | Sendero Luminoso
ETA |
Irish Republican Army | IRA, Provisional IRA
Abu Sayyaf |
Jemaah Islamiyah |
Lord's Resistance Army | LRA
Rapid Support Forces |
Janjaweed |
M23 | March 23 Movement
Allied Democratic Forces |
Polisario Front | Polisario
Popular Mobilization Forces | PMF, Popular Mobilisation Forces, Hashd al-Shaabi
Kataib Hezbollah | Kata'ib Hezbollah
Azov Regiment | Azov Battalion
Donetsk People's Republic | DPR, DNR
Luhansk People's Republic | LPR, LNR, Lugansk People's Republic
Jama'at Nasr al-Islam wal Muslimin | JNIM
"""

ORGANISATIONS = """
United Nations | UN, U.N.
Conservatives | Conservative Party, Conservative party, Tories, Tory Party, Tory party
Labour | Labour Party, Labour party
Liberal Democrats | Lib Dems, Lib Dem, Liberal Democrat Party
SNP | Scottish National Party
UKIP | UK Independence Party
Plaid Cymru |
UN Security Council | U.N. Security Council, United Nations Security Council, UNSC
UN General Assembly | U.N. General Assembly, United Nations General Assembly
NATO | North Atlantic Treaty Organization, North Atlantic Treaty Organisation, Nato,
    North Atlantic Alliance
European Union | EU, E.U.
European Commission |
European Parliament |
European Council |
European Central Bank | ECB
European Community | EC, European Economic Community, EEC, Common Market
Council of Europe |
OPEC | Organization of the Petroleum Exporting Countries, Opec, OPEC+,
    Organisation of the Petroleum Exporting Countries
OAPEC | Organization of Arab Petroleum Exporting Countries
International Monetary Fund | IMF
World Bank |
World Health Organization | WHO, World Health Organisation
World Trade Organization | WTO, World Trade Organisation
OSCE | Organization for Security and Co-operation in Europe,
    Organization for Security and Cooperation in Europe,
    Organisation for Security and Co-operation in Europe
International Atomic Energy Agency | IAEA
International Criminal Court | ICC
International Court of Justice | ICJ, World Court
UNICEF | United Nations Children's Fund, Unicef
UNHCR | UN refugee agency, United Nations High Commissioner for Refugees, U.N. refugee agency
UNESCO | Unesco
UNRWA |
World Food Programme | WFP, World Food Program
Food and Agriculture Organization | FAO
International Labour Organization | ILO, International Labor Organization
OECD | Organisation for Economic Co-operation and Development,
    Organization for Economic Cooperation and Development
Group of Seven | G7, G-7
Group of Eight | G8, G-8
Group of 20 | G20, G-20, Group of Twenty
Group of Five | G5, G-5
ASEAN | Association of Southeast Asian Nations, Association of South East Asian Nations, Asean
African Union | AU
Arab League | League of Arab States
Gulf Cooperation Council | GCC, Gulf Co-operation Council
Organization of American States | OAS
Shanghai Cooperation Organisation | SCO, Shanghai Cooperation Organization
BRICS |
Collective Security Treaty Organization | CSTO
Commonwealth of Independent States | CIS
Interpol |
International Committee of the Red Cross | ICRC
Red Cross |
Amnesty International |
Human Rights Watch | HRW
Doctors Without Borders | Medecins Sans Frontieres, Médecins Sans Frontières, MSF
Greenpeace |
International Energy Agency | IEA
GATT | General Agreement on Tariffs and Trade
UNCTAD | United Nations Conference on Trade and Development
Asian Development Bank | ADB
African Development Bank | AfDB
Inter-American Development Bank | IDB
European Investment Bank | EIB
European Bank for Reconstruction and Development | EBRD
Bank for International Settlements | BIS
Paris Club |
Comecon | Council for Mutual Economic Assistance, CMEA
European Free Trade Association | EFTA
International Coffee Organization | International Coffee Organisation
International Cocoa Organization | ICCO, International Cocoa Organisation
International Energy Forum |
Federal Reserve | Fed, U.S. Federal Reserve, Federal Reserve Board
ECOWAS | Economic Community of West African States
Mercosur |
APEC | Asia-Pacific Economic Cooperation
Organisation of Islamic Cooperation | OIC, Organization of Islamic Cooperation
"""

# Regions and areas the model tends to miss; they are places but not countries.
REGIONS = """
Europe | | European, Europeans
Asia | | Asian, Asians
Africa | | African, Africans
Middle East | Mideast | Middle Eastern
Latin America | | Latin American, Latin Americans
North America | | North American, North Americans
South America | | South American, South Americans
Central America | | Central American, Central Americans
Central Asia | | Central Asian
Southeast Asia | South East Asia, South-East Asia | Southeast Asian
East Asia | | East Asian
South Asia | | South Asian
Eastern Europe | | Eastern European, Eastern Europeans
Western Europe | | Western European
Scandinavia | | Scandinavian, Scandinavians
Balkans | the Balkans | Balkan
Caucasus | the Caucasus |
North Caucasus | Northern Caucasus |
South Caucasus | |
Sahel | the Sahel |
Horn of Africa | |
Maghreb | |
Persian Gulf | Gulf region, Arabian Gulf |
Arctic | the Arctic |
Antarctica | |
Kurdistan | Iraqi Kurdistan, Kurdistan Region |
Donbas | Donbass, Donets Basin |
Crimea | Crimean Peninsula | Crimean
Gaza Strip | Gaza |
West Bank | |
Golan Heights | Golan |
Kashmir | Jammu and Kashmir | Kashmiri, Kashmiris
Tibet | | Tibetan, Tibetans
Xinjiang | |
Chechnya | | Chechen, Chechens
Dagestan | Daghestan | Dagestani
Nagorno-Karabakh | Karabakh |
Darfur | |
Sinai | Sinai Peninsula |
South China Sea | |
Taiwan Strait | |
Korean Peninsula | |
Black Sea | |
Baltic States | the Baltics, Baltic states |
"""

# Longer phrases the ruler claims so that their first word is not read as a country.
BLOCKED_PHRASES = """
African American, African Americans, African-American, African-Americans, Native American,
Native Americans, Asian American, Asian Americans, Arab American, Arab Americans,
Indian Ocean, American Indian, American Indians,
New Mexico, New England, New Jersey, Jordan River, Georgia Tech, Chad Basin,
Washington Post, Washington Times, Washington state, George Washington
"""
