"""The gazetteer's tables, as plain text a reader can extend with a line: countries, armed
groups, international organisations, regions and phrases the ruler claims. Read by
`briefing.analysis.gazetteer`.
"""

# name | other names | demonyms (adjectives and nouns for the people) | capital as government
# An indented line continues the row above.
COUNTRIES = """
Afghanistan | Islamic Emirate of Afghanistan | Afghan, Afghans | Kabul
Albania | | Albanian, Albanians | Tirana
Algeria | | Algerian, Algerians | Algiers
Andorra | | Andorran, Andorrans |
Angola | | Angolan, Angolans | Luanda
Antigua and Barbuda | Antigua | Antiguan, Antiguans |
Argentina | Argentine Republic | Argentine, Argentinian, Argentines, Argentinians | Buenos Aires
Armenia | | Armenian, Armenians | Yerevan
Australia | | Australian, Australians | Canberra
Austria | | Austrian, Austrians | Vienna
Azerbaijan | | Azerbaijani, Azerbaijanis, Azeri, Azeris | Baku
Bahamas | The Bahamas | Bahamian, Bahamians | Nassau
Bahrain | | Bahraini, Bahrainis | Manama
Bangladesh | | Bangladeshi, Bangladeshis | Dhaka
Barbados | | Barbadian, Barbadians |
Belarus | Byelorussia | Belarusian, Belarusians, Belarussian, Belarussians | Minsk
Belgium | | Belgian, Belgians |
Belize | | Belizean, Belizeans |
Benin | | Beninese | Porto-Novo
Bhutan | | Bhutanese | Thimphu
Bolivia | | Bolivian, Bolivians |
Bosnia and Herzegovina | Bosnia, Bosnia-Herzegovina | Bosnian, Bosnians | Sarajevo
Botswana | | Botswanan | Gaborone
Brazil | | Brazilian, Brazilians | Brasilia
Brunei | Brunei Darussalam | Bruneian, Bruneians |
Bulgaria | | Bulgarian, Bulgarians | Sofia
Burkina Faso | | Burkinabe | Ouagadougou
Burundi | | Burundian, Burundians | Bujumbura
Cambodia | | Cambodian, Cambodians | Phnom Penh
Cameroon | | Cameroonian, Cameroonians | Yaounde
Canada | | Canadian, Canadians | Ottawa
Cape Verde | Cabo Verde | Cape Verdean, Cape Verdeans |
Central African Republic | CAR | | Bangui
Chad | | Chadian, Chadians | N'Djamena
Chile | | Chilean, Chileans | Santiago
China | People's Republic of China, PRC, mainland China | Chinese | Beijing
Colombia | | Colombian, Colombians | Bogota
Comoros | | Comorian, Comorians |
Democratic Republic of the Congo | DR Congo, DRC, Congo-Kinshasa | | Kinshasa
Republic of the Congo | Congo-Brazzaville | | Brazzaville
Costa Rica | | Costa Rican, Costa Ricans |
Croatia | | Croatian, Croatians, Croat, Croats | Zagreb
Cuba | | Cuban, Cubans | Havana
Cyprus | | Cypriot, Cypriots | Nicosia
Czech Republic | Czechia | Czech, Czechs | Prague
Denmark | | Danish, Dane, Danes | Copenhagen
Djibouti | | Djiboutian, Djiboutians |
Dominica | | |
Dominican Republic | | Dominican, Dominicans |
East Timor | Timor-Leste | East Timorese | Dili
Ecuador | | Ecuadorian, Ecuadorians, Ecuadorean, Ecuadoreans |
Egypt | | Egyptian, Egyptians | Cairo
El Salvador | | Salvadoran, Salvadorans |
Equatorial Guinea | | Equatoguinean |
Eritrea | | Eritrean, Eritreans | Asmara
Estonia | | Estonian, Estonians | Tallinn
Eswatini | Swaziland | Swazi, Swazis |
Ethiopia | | Ethiopian, Ethiopians | Addis Ababa
Fiji | | Fijian, Fijians |
Finland | | Finnish, Finn, Finns | Helsinki
France | French Republic | French, Frenchman, Frenchmen | Paris
Gabon | | Gabonese | Libreville
Gambia | The Gambia | Gambian, Gambians | Banjul
Georgia | | Georgian, Georgians | Tbilisi
Germany | Federal Republic of Germany | German, Germans | Berlin
Ghana | | Ghanaian, Ghanaians | Accra
Greece | Hellenic Republic | Greek, Greeks | Athens
Grenada | | Grenadian, Grenadians |
Guatemala | | Guatemalan, Guatemalans | Guatemala City
Guinea | | Guinean, Guineans | Conakry
Guinea-Bissau | | Bissau-Guinean |
Guyana | | Guyanese |
Haiti | | Haitian, Haitians | Port-au-Prince
Honduras | | Honduran, Hondurans | Tegucigalpa
Hungary | | Hungarian, Hungarians | Budapest
Iceland | | Icelandic, Icelander, Icelanders | Reykjavik
India | Republic of India | Indian, Indians | New Delhi
Indonesia | | Indonesian, Indonesians | Jakarta
Iran | Islamic Republic of Iran | Iranian, Iranians | Tehran
Iraq | | Iraqi, Iraqis | Baghdad
Ireland | Republic of Ireland, Eire | Irish | Dublin
Israel | | Israeli, Israelis |
Italy | | Italian, Italians | Rome
Ivory Coast | Cote d'Ivoire, Côte d'Ivoire | Ivorian, Ivorians | Yamoussoukro
Jamaica | | Jamaican, Jamaicans |
Japan | | Japanese | Tokyo
Jordan | Hashemite Kingdom of Jordan | Jordanian, Jordanians | Amman
Kazakhstan | | Kazakh, Kazakhs, Kazakhstani | Astana
Kenya | | Kenyan, Kenyans | Nairobi
Kiribati | | |
Kosovo | | Kosovar, Kosovars, Kosovan | Pristina
Kuwait | | Kuwaiti, Kuwaitis | Kuwait City
Kyrgyzstan | Kyrgyz Republic | Kyrgyz | Bishkek
Laos | Lao PDR | Laotian, Laotians | Vientiane
Latvia | | Latvian, Latvians | Riga
Lebanon | | Lebanese | Beirut
Lesotho | | Basotho | Maseru
Liberia | | Liberian, Liberians | Monrovia
Libya | | Libyan, Libyans | Tripoli
Liechtenstein | | |
Lithuania | | Lithuanian, Lithuanians | Vilnius
Luxembourg | | Luxembourger, Luxembourgers |
Madagascar | | Malagasy | Antananarivo
Malawi | | Malawian, Malawians | Lilongwe
Malaysia | | Malaysian, Malaysians | Kuala Lumpur
Maldives | | Maldivian, Maldivians |
Mali | | Malian, Malians | Bamako
Malta | | Maltese | Valletta
Marshall Islands | | Marshallese |
Mauritania | | Mauritanian, Mauritanians | Nouakchott
Mauritius | | Mauritian, Mauritians |
Mexico | United Mexican States | Mexican, Mexicans | Mexico City
Micronesia | Federated States of Micronesia | Micronesian |
Moldova | | Moldovan, Moldovans | Chisinau
Monaco | | Monegasque |
Mongolia | | Mongolian, Mongolians | Ulan Bator, Ulaanbaatar
Montenegro | | Montenegrin, Montenegrins | Podgorica
Morocco | | Moroccan, Moroccans | Rabat
Mozambique | | Mozambican, Mozambicans | Maputo
Myanmar | Burma | Burmese | Naypyidaw
Namibia | | Namibian, Namibians | Windhoek
Nauru | | Nauruan |
Nepal | | Nepali, Nepalese | Kathmandu
Netherlands | Holland, The Netherlands | Dutch | The Hague
New Zealand | | New Zealander, New Zealanders | Wellington
Nicaragua | | Nicaraguan, Nicaraguans | Managua
Niger | | Nigerien, Nigeriens | Niamey
Nigeria | | Nigerian, Nigerians | Abuja
North Korea | DPRK, Democratic People's Republic of Korea | North Korean, North Koreans | Pyongyang
North Macedonia | Macedonia, FYROM | Macedonian, Macedonians | Skopje
Norway | | Norwegian, Norwegians | Oslo
Oman | | Omani, Omanis | Muscat
Pakistan | | Pakistani, Pakistanis | Islamabad
Palau | | Palauan |
Palestine | Palestinian territories, State of Palestine, Palestinian Authority |
    Palestinian, Palestinians | Ramallah
Panama | | Panamanian, Panamanians | Panama City
Papua New Guinea | PNG | Papua New Guinean | Port Moresby
Paraguay | | Paraguayan, Paraguayans | Asuncion
Peru | | Peruvian, Peruvians | Lima
Philippines | The Philippines | Filipino, Filipinos, Philippine | Manila
Poland | | Polish, Pole, Poles | Warsaw
Portugal | | Portuguese | Lisbon
Qatar | | Qatari, Qataris | Doha
Romania | | Romanian, Romanians | Bucharest
Russia | Russian Federation | Russian, Russians | Moscow, Kremlin
Rwanda | | Rwandan, Rwandans | Kigali
Saint Kitts and Nevis | St Kitts and Nevis | |
Saint Lucia | St Lucia | St Lucian |
Saint Vincent and the Grenadines | | |
Samoa | | Samoan, Samoans |
San Marino | | Sammarinese |
Sao Tome and Principe | São Tomé and Príncipe | |
Saudi Arabia | Kingdom of Saudi Arabia | Saudi, Saudis | Riyadh
Senegal | | Senegalese | Dakar
Serbia | | Serbian, Serbians, Serb, Serbs | Belgrade
Seychelles | | Seychellois |
Sierra Leone | | Sierra Leonean, Sierra Leoneans | Freetown
Singapore | | Singaporean, Singaporeans |
Slovakia | Slovak Republic | Slovak, Slovaks | Bratislava
Slovenia | | Slovenian, Slovenians, Slovene, Slovenes | Ljubljana
Solomon Islands | | Solomon Islander |
Somalia | | Somali, Somalis | Mogadishu
South Africa | Republic of South Africa | South African, South Africans | Pretoria
South Korea | Republic of Korea, ROK | South Korean, South Koreans | Seoul
South Sudan | | South Sudanese | Juba
Spain | | Spanish, Spaniard, Spaniards | Madrid
Sri Lanka | Ceylon | Sri Lankan, Sri Lankans | Colombo
Sudan | | Sudanese | Khartoum
Suriname | Surinam | Surinamese | Paramaribo
Sweden | | Swedish, Swede, Swedes | Stockholm
Switzerland | Swiss Confederation | Swiss | Bern
Syria | Syrian Arab Republic | Syrian, Syrians | Damascus
Taiwan | Republic of China | Taiwanese | Taipei
Tajikistan | | Tajik, Tajiks | Dushanbe
Tanzania | | Tanzanian, Tanzanians | Dodoma
Thailand | | Thai, Thais | Bangkok
Togo | | Togolese | Lome
Tonga | | Tongan, Tongans |
Trinidad and Tobago | Trinidad | Trinidadian, Trinidadians |
Tunisia | | Tunisian, Tunisians | Tunis
Turkey | Türkiye, Turkiye | Turkish, Turk, Turks | Ankara
Turkmenistan | | Turkmen | Ashgabat
Tuvalu | | |
Uganda | | Ugandan, Ugandans | Kampala
Ukraine | the Ukraine | Ukrainian, Ukrainians | Kyiv, Kiev
United Arab Emirates | UAE, U.A.E. | Emirati, Emiratis | Abu Dhabi
United Kingdom | UK, U.K., Britain, Great Britain | British, Briton, Britons |
    London, Downing Street, Whitehall
United States | United States of America, US, U.S., USA, U.S.A., America |
    American, Americans | Washington, White House
Uruguay | | Uruguayan, Uruguayans | Montevideo
Uzbekistan | | Uzbek, Uzbeks | Tashkent
Vanuatu | | |
Vatican | Holy See, Vatican City | |
Venezuela | | Venezuelan, Venezuelans | Caracas
Vietnam | Viet Nam | Vietnamese | Hanoi
Yemen | | Yemeni, Yemenis | Sanaa
Zambia | | Zambian, Zambians | Lusaka
Zimbabwe | | Zimbabwean, Zimbabweans | Harare
Hong Kong | | Hong Konger, Hong Kongers |
Macau | Macao | |
Greenland | | Greenlandic |
Puerto Rico | | Puerto Rican, Puerto Ricans |
Western Sahara | | Sahrawi, Sahrawis |
Scotland | | Scottish, Scot, Scots | Edinburgh
Wales | | Welsh | Cardiff
England | | |
Northern Ireland | | |
Soviet Union | USSR, U.S.S.R., Soviet Russia | Soviet, Soviets |
West Germany | | West German, West Germans | Bonn
East Germany | German Democratic Republic, GDR | East German, East Germans |
Yugoslavia | | Yugoslav, Yugoslavs |
Czechoslovakia | | Czechoslovak, Czechoslovaks |
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
