"""Invented news articles with hand-labelled actors, written for this project's benchmarks.

Every person, company and most towns here are made up; countries, international bodies and
armed groups are real names used in invented events. Gold lines read
`type: Name | other accepted form | ...`. The gold lists every person, organisation and place
named in the text (title included). A line marked `*` is an actor named only through a demonym
qualifying the state's people or bodies ("Saudi Energy Minister"): it counts as an actor under
the project's definition, and is left out of the names-only figure, which follows the usual
named-entity convention. A demonym for people or things ("two Germans", "a French director")
is not an actor.
"""

SAMPLES: list[tuple[str, str, str]] = [
    (
        "Harbour Workers in Valdoria Strike Over Pay, Union Leader Mirela Dunn Says",
        """Dock workers in the port of Valdoria walked out on Sunday, union leader Mirela Dunn
said, demanding a pay rise after two years of frozen wages.

"We will not load a single ship until the port authority talks to us," Dunn told reporters.

The Valdoria Port Authority said it regretted the strike. Its chairman, Oskar Pellinen, said
he hoped for an agreement within the week and would meet Dunn on Tuesday.""",
        """
person: Mirela Dunn | Dunn
person: Oskar Pellinen | Pellinen
organisation: Valdoria Port Authority
place: Valdoria
""",
    ),
    (
        "KENYA SENDS TROOPS TO SOMALIA AFTER AL-SHABAB RAID",
        """Kenya will send another 800 soldiers to Somalia after al-Shabaab fighters attacked a
border post near Mandera, Defence Secretary Amina Wekesa said on Friday.

Wekesa said the Islamist group had killed four Kenyan police officers and seized weapons.
"This was a cowardly attack and we will answer it," she told parliament in Nairobi.

The African Union mission in Somalia, which includes troops from Uganda, Ethiopia and
Burundi, said it would support the deployment. A spokesman for the Somali government in
Mogadishu welcomed the move.""",
        """
place: Kenya
place: Somalia
organisation: al-Shabab | al-Shabaab | Shabab
person: Amina Wekesa | Wekesa
place: Mandera
place: Nairobi
organisation: African Union | AU
place: Uganda
place: Ethiopia
place: Burundi
place: Mogadishu
""",
    ),
    (
        "Tarsen Motors to cut 1,200 jobs as sales slump in Europe",
        """Tarsen Motors, the car maker based in Lindqvist, said on Wednesday it would cut 1,200
jobs over two years after its European sales fell by a fifth.

Chief executive Hanne Solberg told analysts that the company would close its plant in
Grevenmark and move part of its production to Poland. "We have too many factories for the
cars people are buying," Solberg said.

Shares in Tarsen fell 4 percent in Frankfurt. The IG Metall union said it would fight the
closure, and the Grevenmark mayor, Dieter Haupt, called the decision a betrayal.""",
        """
organisation: Tarsen Motors | Tarsen
place: Europe | European
place: Lindqvist
person: Hanne Solberg | Solberg
place: Grevenmark
place: Poland
place: Frankfurt
organisation: IG Metall
person: Dieter Haupt | Haupt
""",
    ),
    (
        "Iran and IAEA agree on inspections at Narvand site",
        """Iran has agreed to let inspectors from the International Atomic Energy Agency visit
the Narvand enrichment site next month, the agency's director general, Paolo Venturi, said in
Vienna on Monday.

Venturi said the deal followed two days of talks with Iranian nuclear chief Reza Bahrami in
Tehran. The United States and the European Union welcomed the agreement but said Tehran must
also explain traces of uranium found at a second site.

Bahrami told Iranian state television that the IAEA had "no reason to doubt our good faith".
Israel's foreign ministry said it remained sceptical.""",
        """
place: Iran | Iranian
place: Tehran
organisation: International Atomic Energy Agency | IAEA
place: Narvand
person: Paolo Venturi | Venturi
place: Vienna
person: Reza Bahrami | Bahrami
place: United States
organisation: European Union
place: Israel
""",
    ),
    (
        "Rebels seize town in eastern Congo, UN says",
        """M23 rebels seized the town of Kavumba in eastern Congo on Thursday after two days of
fighting with the army, the United Nations peacekeeping mission said.

The UN said at least 40 civilians had been killed and 12,000 had fled towards Goma. Congolese
President Didier Lukwago accused Rwanda of backing the rebels, a charge Kigali denied.

"These people are being used by a neighbour that wants our minerals," Lukwago said in a
televised address. Rwandan government spokeswoman Grace Uwase called the claim absurd.""",
        """
organisation: M23
place: Kavumba
place: Congo
organisation: United Nations | UN
place: Goma
person: Didier Lukwago | Lukwago
place: Rwanda | Kigali
person: Grace Uwase
""",
    ),
    (
        "Minister Faces Questions Over Harbour Contract",
        """Transport Minister Elin Varga faced questions in parliament on Tuesday over a harbour
contract awarded to Brennick Holdings, a company whose chairman is her former adviser.

Opposition leader Tomas Aho said the contract, worth 90 million euros, had been awarded
without a tender. "The minister must explain why no one else was allowed to bid," Aho said.

Varga said the contract had been approved by the Public Procurement Office and that she had
played no part in the decision. Brennick Holdings declined to comment.""",
        """
person: Elin Varga | Varga
organisation: Brennick Holdings
person: Tomas Aho | Aho
organisation: Public Procurement Office
""",
    ),
    (
        "Hezbollah and Israel trade fire across border",
        """Hezbollah fired rockets at an Israeli army post on Saturday and Israel answered with
air strikes on villages in southern Lebanon, the Lebanese army said.

The exchange was the most serious since the spring. Lebanese Prime Minister Karim Haddad
called on the UN Security Council to intervene, while the U.S. State Department urged both
sides to show restraint.

An Israeli military spokesman, Lt. Col. Avi Dagan, said the strikes had targeted launch
sites used by the Iran-backed group.""",
        """
organisation: Hezbollah
place: Israel | Israeli
place: Lebanon | Lebanese
person: Karim Haddad | Haddad
organisation: UN Security Council
place: United States | U.S.
organisation: State Department | U.S. State Department
person: Avi Dagan | Dagan
place: Iran
""",
    ),
    (
        "Storm Cuts Power to 200,000 Homes in Coastal Provinces",
        """A storm brought winds of up to 150 km an hour to the coast on Monday night and cut
power to about 200,000 homes in the provinces of Marest and Ollendorf.

The national grid operator, Nordlicht Energie, said most homes would be reconnected by
Wednesday. Weather service forecaster Johan Ekdahl said a second storm could reach the coast
at the weekend.

In the port city of Saltham, the harbour was closed and ferries to the island of Kell were
cancelled.""",
        """
place: Marest
place: Ollendorf
organisation: Nordlicht Energie
person: Johan Ekdahl | Ekdahl
place: Saltham
place: Kell
""",
    ),
    (
        "Turkey Detains Suspected Islamic State Members in Istanbul Raids",
        """Turkish police detained 23 people suspected of links to Islamic State in dawn raids
across Istanbul on Tuesday, the state-run Anadolu news agency reported.

Among those held were four foreign nationals, including two Germans, Anadolu said. Interior
Minister Kemal Aydin said the suspects had been planning attacks during the new year
celebrations.

Ankara has stepped up operations against IS since a bombing in the capital last year. NATO
Secretary General Lars Halvorsen praised Turkey's cooperation during a visit to Brussels.""",
        """
place: Turkey | Turkish | Ankara
organisation: Islamic State | IS
place: Istanbul
organisation: Anadolu
person: Kemal Aydin | Aydin
organisation: NATO
person: Lars Halvorsen | Halvorsen
place: Brussels
""",
    ),
    (
        "Central bank holds rates as inflation eases",
        """The central bank of Marravia kept its main interest rate at 5.25 percent on Thursday,
saying inflation was easing faster than expected.

Governor Ilse Brandauer said the bank would wait for more data before cutting. "We are not
in a hurry," she told a news conference in Kornstadt.

Economists at Hallberg Bank had expected a cut. The International Monetary Fund said last
month that Marravia's economy would grow 1.8 percent this year. The marravian crown rose
against the euro after the decision.""",
        """
place: Marravia
person: Ilse Brandauer | Brandauer
place: Kornstadt
organisation: Hallberg Bank
organisation: International Monetary Fund | IMF
""",
    ),
    (
        "Taliban Ban Girls From Universities in Afghanistan",
        """The Taliban administration in Afghanistan on Tuesday barred women from universities,
a letter from the higher education ministry said, drawing condemnation from the United
Nations and Western governments.

Minister Nida Mohammad Haqani told universities in Kabul and Herat to apply the ban at once.
The U.N. mission in Afghanistan called the decision a grave violation of rights.

Pakistan's foreign minister, Farah Qureshi, said Islamabad was disappointed and urged the
Taliban to reconsider.""",
        """
organisation: Taliban
place: Afghanistan
organisation: United Nations | U.N.
person: Nida Mohammad Haqani | Haqani
place: Kabul
place: Herat
place: Pakistan | Islamabad
person: Farah Qureshi | Qureshi
""",
    ),
    (
        "Chess champion Viktor Kasparian retires at 41",
        """Viktor Kasparian, who held the world chess title for six years, said on Sunday he
would retire from competitive play at the end of the season.

Kasparian, who was born in Yerevan and lives in Paris, won the title in 2016 by beating
Norway's Erik Lindahl in a tie-break. Lindahl said his old rival had changed the game.

The International Chess Federation, known as FIDE, said it would honour Kasparian at the
Olympiad in Budapest in September.""",
        """
person: Viktor Kasparian | Kasparian
place: Yerevan
place: Paris
place: Norway
person: Erik Lindahl | Lindahl
organisation: International Chess Federation | FIDE
place: Budapest
""",
    ),
    (
        "Houthis claim attack on tanker in Red Sea",
        """Yemen's Houthi movement said on Wednesday it had fired a missile at an oil tanker in
the Red Sea, the third such attack this month.

Houthi military spokesman Yahya Saree said the ship was linked to Israel. The tanker's
operator, Oriel Shipping of Piraeus, said the vessel had been hit above the waterline and no
one was hurt.

The U.S. Central Command said a U.S. destroyer had shot down two drones launched from
Houthi-held territory. Saudi Arabia, which leads a coalition against the Houthis, did not
comment.""",
        """
place: Yemen
organisation: Houthis | Houthi movement | Houthi
place: Red Sea
person: Yahya Saree | Saree
place: Israel
organisation: Oriel Shipping
place: Piraeus
organisation: U.S. Central Command | Central Command
place: United States | U.S.
place: Saudi Arabia
""",
    ),
    (
        "Mayor of Bredon resigns after audit",
        """The mayor of Bredon, Colin Ashworth, resigned on Friday after an audit found that
city funds had paid for private travel.

The audit by the regional accounts office found 48,000 pounds of spending without receipts.
Ashworth said he had made "honest mistakes" and would repay the money.

His deputy, Priya Natarajan, will lead the council until an election in March. The Green
Party, which holds the most seats on the council, called for a police inquiry.""",
        """
place: Bredon
person: Colin Ashworth | Ashworth
person: Priya Natarajan | Natarajan
organisation: Green Party
""",
    ),
    (
        "Russia and China Hold Joint Naval Drills Near Japan",
        """Russian and Chinese warships began joint exercises in the Sea of Japan on Monday,
Russia's defence ministry said, as Tokyo voiced concern over the growing military ties
between Moscow and Beijing.

Japan's chief cabinet secretary, Hiroshi Kanda, said the government was watching the drills
closely. The Chinese navy said the exercises were not aimed at any third country.

The United States and South Korea are due to hold their own exercises next week.""",
        """
place: Russia | Russian | Moscow
place: China | Chinese | Beijing
place: Japan | Tokyo
place: Sea of Japan
person: Hiroshi Kanda | Kanda
place: United States
place: South Korea
""",
    ),
    (
        "Software firm Quillbyte buys rival Lumenfold for $2 billion",
        """Quillbyte Inc agreed to buy Lumenfold, a maker of accounting software, for $2 billion
in cash, the companies said on Tuesday.

Quillbyte chief executive Dana Whitfield said the deal would give the company 40,000 new
business customers. Lumenfold co-founder Arjun Mehta will join Quillbyte's board.

The purchase needs approval from regulators in the United States and the European Commission.
Quillbyte shares rose 3 percent on the Nasdaq.""",
        """
organisation: Quillbyte Inc | Quillbyte
organisation: Lumenfold
person: Dana Whitfield | Whitfield
person: Arjun Mehta | Mehta
place: United States
organisation: European Commission
organisation: Nasdaq
""",
    ),
    (
        "Sudan talks collapse as fighting spreads to Darfur",
        """Peace talks between Sudan's army and the Rapid Support Forces collapsed in Jeddah on
Sunday, Saudi and U.S. mediators said, as fighting spread to new towns in Darfur.

The RSF accused the army of bombing markets in El Fasher. Army spokesman Brig. Nabil Osman said
the paramilitary group had refused to leave civilian areas.

The World Food Programme said it had suspended deliveries to the region. Its Sudan director,
Clara Mendes, said 2 million people faced hunger.""",
        """
place: Sudan
organisation: Rapid Support Forces | RSF
place: Jeddah
place: Saudi Arabia*
place: United States | U.S.
place: Darfur
place: El Fasher
person: Nabil Osman | Osman
organisation: World Food Programme
person: Clara Mendes | Mendes
""",
    ),
    (
        "FARMERS BLOCK ROADS IN PROTEST AGAINST FUEL PRICES",
        """Farmers drove tractors onto the main roads around Castrelo on Monday to protest
against the rising price of diesel, blocking traffic for several hours.

The farmers' union Agrovia said fuel costs had doubled in a year. Its president, Mateus
Ferraz, said protests would continue until the government cut fuel taxes.

Agriculture Minister Beatriz Lobo said she would meet union leaders on Thursday. Police said
three people had been arrested in the town of Vilar Seco.""",
        """
place: Castrelo
organisation: Agrovia
person: Mateus Ferraz | Ferraz
person: Beatriz Lobo | Lobo
place: Vilar Seco
""",
    ),
    (
        "Syrian Kurds hand over detained fighters to Iraq",
        """The Syrian Democratic Forces handed over 150 detained fighters to Iraq on Thursday,
the Kurdish-led group said, the largest such transfer this year.

SDF spokesman Farhad Shami said the men were Iraqi citizens who had fought for Islamic State.
The Iraqi government in Baghdad said they would face trial.

Human Rights Watch said the detainees risked unfair trials and torture. "Iraq's courts have
handed down death sentences after hearings that lasted minutes," said the group's researcher,
Lena Kowalczyk.""",
        """
organisation: Syrian Democratic Forces | SDF
place: Iraq | Iraqi
place: Baghdad
person: Farhad Shami | Shami
organisation: Islamic State
organisation: Human Rights Watch
person: Lena Kowalczyk | Kowalczyk
""",
    ),
    (
        "Opec+ agrees deeper oil output cuts",
        """OPEC and its allies agreed on Sunday to cut oil output by a further 1 million barrels
a day from January, the group said after a meeting in Vienna.

Saudi Energy Minister Prince Faisal bin Khalid said the cut was needed to support the market.
Russia will share the cut, Deputy Prime Minister Pavel Ostrov told reporters.

Oil prices rose 2 percent in London. Analysts at Gellert Capital said the cut was smaller than
some traders had hoped.""",
        """
organisation: OPEC | OPEC+
place: Vienna
place: Saudi Arabia*
person: Faisal bin Khalid
place: Russia
person: Pavel Ostrov | Ostrov
place: London
organisation: Gellert Capital
""",
    ),
    (
        "Court in Hallstadt jails former bank chief for fraud",
        """A court in Hallstadt on Wednesday sentenced Rudolf Kessler, the former chief
executive of Alpenbank, to six years in prison for fraud and false accounting.

Judge Marta Steiner said Kessler had hidden losses of 300 million francs from investors and
the Financial Market Authority. Kessler's lawyer, Benedikt Roth, said his client would appeal.

Alpenbank was rescued by the state in 2019 and later sold to Nordhaven Group.""",
        """
place: Hallstadt
person: Rudolf Kessler | Kessler
organisation: Alpenbank
person: Marta Steiner | Steiner
organisation: Financial Market Authority
person: Benedikt Roth | Roth
organisation: Nordhaven Group
""",
    ),
    (
        "Ukraine says it shot down 30 Russian drones overnight",
        """Ukraine's air force said on Saturday it had shot down 30 of the 34 drones Russia
launched overnight, mostly over the Odesa and Kharkiv regions.

Air force spokesman Yuriy Ihnat said debris had damaged homes in Kharkiv but no one was killed.
Kyiv has asked Western allies for more air defence systems before the winter.

In Moscow, the Kremlin said the strikes had targeted military infrastructure. Germany said it
would deliver another air defence system by the end of the month.""",
        """
place: Ukraine | Kyiv
place: Russia | Russian | Kremlin
place: Odesa
place: Kharkiv
person: Yuriy Ihnat | Ihnat
place: Moscow
place: Germany
""",
    ),
    (
        "Actor Sienna Caldwell wins best actress at Lisbon festival",
        """Sienna Caldwell won the best actress prize at the Lisbon Film Festival on Saturday for
her role as a lighthouse keeper in "The Long Tide", directed by Marco Bellini.

Caldwell, 34, thanked Bellini and her co-star Tobias Grant in a short speech. The festival's
top prize went to the Brazilian film "Rio Baixo" by Ana Lucia Prates.

The jury was led by the French director Claire Dufresne.""",
        """
person: Sienna Caldwell | Caldwell
place: Lisbon
organisation: Lisbon Film Festival
person: Marco Bellini | Bellini
person: Tobias Grant
person: Ana Lucia Prates
person: Claire Dufresne
""",
    ),
    (
        "WHO warns of cholera outbreak after floods",
        """The World Health Organization warned on Friday of a cholera outbreak in flooded
districts of Mozambique, where 80,000 people have lost their homes.

WHO regional director Dr. Samuel Otieno said 300 cases had been confirmed in Beira and the
nearby town of Dondo. Medecins Sans Frontieres said it had opened two treatment centres.

The government in Maputo has asked the World Bank for emergency funding. President Luis
Macamo visited flooded areas on Thursday.""",
        """
organisation: World Health Organization | WHO
place: Mozambique
place: Maputo
person: Samuel Otieno | Otieno
place: Beira
place: Dondo
organisation: Medecins Sans Frontieres
organisation: World Bank
person: Luis Macamo | Macamo
""",
    ),
]
