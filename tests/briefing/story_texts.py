"""Invented articles for story grouping: one event told by two outlets in their own words, and
a different event of the same actors the next day (names, places and figures are made up)."""

SALE = """# Velmora Agrees to Sell Kestrel Air Defence Systems to Ostland

March 4, 2024

**Harbour Ledger**

Velmora will deliver four Kestrel-9 air defence batteries to Ostland under a contract worth
840 million crowns, its defence ministry said on Monday. Defence Minister Irina Szabo said the
missiles would reach Ostland by 2026 and that crews from Ostland would train at the Dravik
range. Ostland's president Marek Holt welcomed the sale, which his government had sought since
talks collapsed in 2019. Neighbouring Caldera protested, saying the batteries would upset the
balance in the Serin strait.
"""

SALE_RETOLD = """# Ostland to Get Kestrel Missiles in 840 Million Crown Deal

March 4, 2024

**Northern Courier**

Ostland has secured four batteries of the Kestrel-9 surface-to-air missile from Velmora, in a
deal valued at 840 million crowns. The contract, announced by Velmora's defence ministry on
Monday, ends a freeze on arms deliveries that began in 2019. Irina Szabo, the defence minister,
told reporters that delivery would be completed by 2026, with Ostland crews trained at the
Dravik range. President Marek Holt of Ostland called the deal a milestone. Caldera's foreign
office said the sale threatened stability around the Serin strait.
"""

BORDER = """# Velmora and Ostland Reopen Border Crossing at Dravik

March 5, 2024

**Harbour Ledger**

Velmora and Ostland reopened the Dravik border crossing on Tuesday, ending a closure of nine
months over customs disputes. Defence Minister Irina Szabo of Velmora, who attended the
ceremony, said patrols would be shared along the frontier. President Marek Holt of Ostland
said 3,000 lorries a week were expected to cross. Traders in Dravik said the closure had cost
them most of their winter trade, and Ostland's customs office promised faster checks.
"""
