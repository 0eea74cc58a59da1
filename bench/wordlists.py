"""Word lists and sentence templates for bench/gen_articles.py.

Everything here is invented for Copydesk's benchmarks: the people, places, organisations, films and
teams do not exist, and no sentence is taken from a real article. Slots in templates are written
{NAME}; see gen_articles.py for what each slot expands to.
"""

FIRST_NAMES = [
    "Aarvi", "Tamsin", "Kirat", "Rohvan", "Ishella", "Devrin", "Maelis", "Suhavi", "Orvan", "Nyrah",
    "Jeshan", "Leontyne", "Pravik", "Anvika", "Teodric", "Saranya", "Kovil", "Meheral", "Idrin", "Rasmika",
    "Corvin", "Elaska", "Hitesh", "Juniper", "Vedanth", "Oriel", "Sanvira", "Bastien", "Kalindi", "Marek",
    "Tavisha", "Ulric", "Zoravar", "Pelin", "Nandika", "Fenwick", "Ruhani", "Ansel", "Ivika", "Dhruvan",
    "Lisenne", "Omkarin", "Pernille", "Sagarika", "Tobiah", "Vanshika", "Wrenna", "Yashvin", "Harlen", "Mitali",
]

LAST_NAMES = [
    "Varkhede", "Ostrand", "Pellavi", "Dunmore", "Rathvik", "Kolhatkar", "Serrano-Voss", "Bhandvale",
    "Quillan", "Marwade", "Thistlewood", "Ganjhar", "Okonkwe", "Lindqvar", "Shenolikar", "Fairweather",
    "Abhyankor", "Castellane", "Naidra", "Brightmoor", "Sethurai", "Vellacott", "Ambekar-Roy", "Holloway",
    "Kudrevi", "Mendaro", "Pashtikar", "Rosenvald", "Tiwarekh", "Wexley", "Chandrabal", "Eberhart",
]

PLACES = [
    "Varunapur", "Kestrel Bay", "New Halvard", "Mardhanagar", "Port Elsin", "Sundravati", "Tolvik",
    "Ashbridge", "Khemgarh", "Lower Pennick", "Rivasol", "Dhoranpet", "East Calloway", "Nirmal Nagar",
    "Saltmarsh", "Bhavanikot", "Greywater", "Kalyanpura", "Old Meridian", "Thornfield", "Vasantgarh",
    "North Ivesby", "Chandrapet", "Marlow Heights", "Jhilmilpur", "San Aurelio",
]

BRANDS = ["Jagran", "Lantern", "Herald", "Courier", "Beacon", "Meridian"]

SECTION_DESKS = {
    "entertainment": ["Entertainment Desk", "Showbiz Desk"],
    "sports": ["Sports Desk"],
    "business": ["Business Desk", "Markets Desk"],
    "politics": ["News Desk", "Politics Desk"],
    "city": ["City Desk", "Metro Desk", "News Desk"],
    "tech": ["Tech Desk"],
    "lifestyle": ["Lifestyle Desk", "Health Desk"],
}

ORGS = [
    "{L} Municipal Corporation", "Northfield Transit Authority", "Halvard Steel", "Bluefin Capital",
    "Orchid Telecom", "Sapphire Motors", "the State Water Board", "the Ministry of Coastal Affairs",
    "Tolvik University", "the {L} Chamber of Commerce", "Greenline Pharma", "Kestrel Airways",
    "the Regional Power Utility", "Amberfield Foods", "the {L} Police", "Monsoon Bank",
]

FILMS = [
    "Midnight Over Rivasol", "The Paper Kites", "Silver Monsoon", "Echoes of Ashbridge", "Salt and Saffron",
    "The Last Ferry", "Neon Lotus", "A Summer in Tolvik", "Iron Orchard", "The Quiet Harbour",
    "Glass Elephants", "Ninth Gate Road", "Rain Over Khemgarh", "Little Lanterns",
]

TEAMS = [
    "Varunapur Royals", "Kestrel Bay Strikers", "Ashbridge Rovers", "Tolvik Titans", "Sundravati Sparks",
    "Port Elsin Mariners", "Greywater Giants", "Khemgarh Kings", "Rivasol Rangers", "Thornfield Hawks",
]

ROLES = [
    "minister", "spokesperson", "district collector", "chief executive", "coach", "director",
    "commissioner", "professor", "councillor", "senior inspector", "analyst", "producer",
]

TOPICS = {
    "politics": ["the new water-sharing bill", "the coastal road project", "the housing scheme",
                 "the by-election results", "the farm support package", "the cabinet reshuffle"],
    "business": ["quarterly earnings", "the proposed merger", "fuel prices", "the new tariff plan",
                 "small-business loans", "the export figures"],
    "sports": ["the semi-final", "the league table", "the injury list", "the transfer window",
               "the home series", "the relay final"],
    "entertainment": ["the film's release", "the album launch", "the trailer", "the award night",
                      "the box office numbers", "the concert tour"],
    "city": ["the metro extension", "waterlogging in low-lying areas", "the night market",
             "the new bus routes", "the stray-dog census", "the flyover repairs"],
    "tech": ["the data-protection rules", "the satellite launch", "the app update",
             "the chip plant", "the broadband rollout", "the cyber-fraud cases"],
    "lifestyle": ["the monsoon diet", "sleep and screen time", "the heritage walk",
                  "the food festival", "winter skin care", "the marathon training plan"],
}

SECTIONS = list(TOPICS)

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# Sentences. Slots: P main person, P2 other person, L main place, L2 other place, O main org,
# O2 other org, FILM, TEAM, TEAM2, ROLE, TOPIC, N small number, N2 another, BIG, PCT, AMT, DAY,
# MON month, DATE "April 24", YR year, ADJ, ADV.
SENTENCES = {
    "generic": [
        "{P}, the {ROLE} of {O}, said the decision would be reviewed by {DAY}.",
        "Officials in {L} said {N} people had been questioned so far.",
        "The matter is expected to come up again on {DATE}, according to people familiar with it.",
        "{P2} described the move as {ADJ} and said more details would follow.",
        "The announcement came a day after {O2} released its own figures.",
        "According to a statement issued on {DAY}, {TOPIC} will be discussed at length.",
        "Residents of {L2} have raised similar concerns in the past.",
        "It is not yet clear how {TOPIC} will affect people in {L}.",
        "{P} told reporters that the team had worked on it for nearly {N} months.",
        "The figures were {ADV} higher than last year, when only {N2} cases were reported.",
        "A senior official, who did not wish to be named, said the plan was still being finalised.",
        "Earlier this week, {P2} met members of {O} in {L}.",
        "The {ROLE} added that {TOPIC} had been delayed by {N} weeks.",
        "Critics have questioned the timing, pointing to the cost of {AMT}.",
        "{O} has not responded to requests for comment.",
        "In {MON} {YR}, a similar proposal was dropped after protests in {L2}.",
        "The report, running to {BIG} pages, was submitted on {DAY}.",
        "\"We are confident that this will help people on the ground,\" {P} said.",
        "Nearly {PCT} per cent of those surveyed said they supported the idea.",
        "The next hearing is scheduled for {DATE}.",
        "{P} declined to comment on {TOPIC} when asked by reporters in {L}.",
        "The proposal had been pending since {MON} {YR}.",
        "Local traders said they had not been consulted.",
        "A spokesperson for {O2} said the company was studying the details.",
        "{P2} said the first phase would be completed by {MON}.",
        "The work will be carried out in {N} phases, officials said.",
        "Police said the situation in {L2} was under control.",
        "The findings were shared with {O} last {DAY}.",
        "{P}, who has been with {O} for {N} years, called it a turning point.",
        "Several people took to social media to share their views on {TOPIC}.",
        "The decision drew mixed reactions from residents of {L}.",
        "A fresh review will be ordered if the numbers do not improve, the {ROLE} said.",
        "{O2} had flagged the issue as early as {YR}.",
        "On {DAY}, the {ROLE} of {O} visited the site along with {P2}.",
        "The estimated cost of {TOPIC} has since risen to {AMT}.",
        "Around {BIG} people are expected to benefit, according to {O}.",
        "The move is likely to face a legal challenge, experts said.",
        "Earlier, {P} had said {TOPIC} was a priority for {O}.",
        "The data for {MON} showed a drop of {PCT} per cent.",
        "It remains to be seen whether {O2} will follow suit.",
    ],
    "politics": [
        "The opposition walked out of the assembly in {L} on {DAY} over {TOPIC}.",
        "{P}, who represents {L2}, said the bill had been rushed through without debate.",
        "The ruling alliance holds {N} of the {BIG} seats in the house.",
        "Party workers gathered outside the office of the {ROLE} in {L} on {DAY} evening.",
        "{P2} said the government would table a revised draft of {TOPIC} next month.",
        "Voter turnout in {L2} stood at {PCT} per cent, officials said.",
        "The chief minister is expected to visit {L} on {DATE} to review {TOPIC}.",
        "A delegation led by {P} submitted a memorandum to the governor.",
    ],
    "business": [
        "Shares of {O} rose {PCT} per cent in early trade on {DAY}.",
        "The company reported a net profit of {AMT} for the quarter ended {MON}.",
        "{P}, the {ROLE} of {O}, said demand in smaller towns had picked up.",
        "Analysts expect {TOPIC} to weigh on margins for at least {HOUR} quarters.",
        "{O2} plans to invest {AMT} in a new plant near {L}.",
        "Retail inflation eased to {PCT} per cent in {MON}, official data showed.",
        "The board will meet on {DATE} to consider the proposal.",
        "Revenue from operations grew to {AMT}, up from a year earlier.",
    ],
    "sports": [
        "{TEAM} beat {TEAM2} by {N} runs at the {L} stadium on {DAY}.",
        "{P} scored {N} off {N2} balls to steady the innings.",
        "The {ROLE} said the squad would travel to {L2} on {DATE}.",
        "{TEAM2} have now lost {N} of their last {N2} matches.",
        "{P2} was ruled out of {TOPIC} with a hamstring injury.",
        "A crowd of about {BIG} watched the match under lights.",
        "{TEAM} will face {TEAM2} again in the return leg next {DAY}.",
        "\"The boys showed a lot of character today,\" {P} said after the game.",
    ],
    "entertainment": [
        "{P}'s new film {FILM} is set to release on {DATE}.",
        "The trailer of {FILM} crossed {BIG} views within {N} hours of its release.",
        "{P} plays a schoolteacher from {L} in the film, directed by {P2}.",
        "Fans have been waiting for {TOPIC} since the project was announced in {YR}.",
        "The song was shot over {N} days in the hills near {L2}.",
        "{P2} shared a picture from the sets on {DAY}, and it quickly went viral.",
        "{FILM} earned {AMT} on its opening weekend, according to trade estimates.",
        "The actor has also signed a web series with a streaming platform.",
        "The couple were spotted at a restaurant in {L} on {DAY} night.",
    ],
    "city": [
        "Traffic was diverted near {L} station after a water main burst on {DAY}.",
        "The civic body has set a deadline of {DATE} for {TOPIC}.",
        "Commuters in {L2} complained of long queues at the ticket counters.",
        "{O} said {N} new buses would be added to the fleet by {MON}.",
        "Shopkeepers in the old market said business had dropped by {PCT} per cent.",
        "The {ROLE} inspected the site and ordered repairs within {N} days.",
        "Rain lashed parts of {L} for the second day, flooding several underpasses.",
        "{P}, a resident of {L2} for {N} years, said the area had never looked worse.",
    ],
    "tech": [
        "{O} said its new phone would go on sale on {DATE}.",
        "The update brings {N} new features, including offline maps.",
        "{P}, the {ROLE} of {O}, said {TOPIC} would create {BIG} jobs.",
        "Cybercrime officers in {L} registered {N} complaints last month.",
        "The satellite was placed in orbit {N} minutes after lift-off.",
        "Users in {L2} reported outages for nearly {N} hours on {DAY}.",
        "The company did not say how many accounts had been affected.",
    ],
    "lifestyle": [
        "Doctors in {L} recommend at least {N} minutes of walking a day.",
        "{P}, a nutritionist based in {L2}, said seasonal fruit should be the first choice.",
        "The festival drew more than {BIG} visitors over {N} days.",
        "Experts say {TOPIC} matters more than most people think.",
        "The walk begins at the clock tower in {L} at {HOUR} am every {DAY}.",
        "Small changes, {P2} said, add up over a few weeks.",
    ],
}

TITLES = {
    "generic": ["{P} on {TOPIC}: what we know so far", "{TOPIC} in {L}: {N} things to know",
                "{O} responds to questions on {TOPIC}"],
    "politics": ["Opposition walks out in {L} assembly over {TOPIC}", "{P} slams government on {TOPIC}",
                 "{L} by-election: turnout at {PCT} per cent"],
    "business": ["{O} shares jump {PCT}% after quarterly results", "{O2} to invest {AMT} in {L} plant",
                 "Retail inflation eases in {MON}"],
    "sports": ["{TEAM} beat {TEAM2} by {N} runs", "{P} ruled out of {TOPIC}", "{TEAM2} slump to another defeat"],
    "entertainment": ["{P}'s {FILM} trailer crosses {BIG} views", "{FILM} box office day {N}: film earns {AMT}",
                      "{P} and {P2} spotted in {L}, fans react"],
    "city": ["{L}: water main burst throws traffic out of gear", "{O} adds {N} buses before {MON}",
             "Rain floods underpasses in {L}"],
    "tech": ["{O} phone to go on sale on {DATE}", "Outage hits users in {L2} for {N} hours"],
    "lifestyle": ["{N} walking tips from doctors in {L}", "What to eat this monsoon, according to {P}"],
}

# Headlines of *other* stories, used in "Also Read" / "Read more" teasers. Never periods at the end.
TEASERS = [
    "{P2}'s daughter stuns in red gown at {L2} gala, fans",
    "Man held in {L2} for posing as bank officer, duped {N} people",
    "{TEAM2} beat {TEAM3} by {N} runs in last-over thriller",
    "Petrol, diesel prices unchanged in {L2} today: check latest rates",
    "{P2} opens up about leaving {FILM2} midway",
    "{O2} to hire {BIG} engineers this year",
    "Heavy rain alert for {L2} till {DAY}, schools shut",
    "{P2} and {P3} go on a double date in {L2}, photos go viral",
    "Why {TOPIC2} could change the way you commute",
    "{FILM2} box office collection day {N}: film slows down",
    "Teenager rescued after {N} hours in {L2} well",
    "{P2} says {P3} was the reason behind the split",
]

WHATSAPP = [
    ("We're now on WhatsApp. Click to join.", "ascii"),
    ("We\u2019re now on WhatsApp. Click to join.", "curly"),
    ("We're now on WhatsApp. Click to join", "no-final-period"),
]
WHATSAPP_LOST_QUOTE = ("We?re now on WhatsApp. Click to join.", "lost-quote")

FOLLOW_US = [
    "Follow us on Twitter, Facebook and Instagram for the latest updates.",
    "Follow us on Google News.",
    "Follow us on X (formerly Twitter) @{HANDLE} for more stories.",
    "Follow us on Instagram and YouTube.",
    "Follow us @{HANDLE} on all platforms.",
]

SUBSCRIBE = [
    "Subscribe to {BRAND} Newsletters",
    "Subscribe to our daily newsletter for the top stories.",
    "Subscribe to our YouTube channel for more videos.",
    "Subscribe to {BRAND} Premium to read the full story.",
]

PROMO = [
    ("Milestone Alert! {BRAND} crosses {N} million monthly readers. Click here to know more.", "milestone"),
    ("Milestone Alert!\U0001F680 {BRAND} is now among the most-read news sites \U0001F30F Click here to know more.", "milestone-emoji"),
    ("Watch our latest explainer video on {TOPIC2}.", "watch-our"),
    ("Listen to our podcast on {TOPIC2} here.", "podcast"),
]

EMBED_LEADINS = [
    "Here listen to this soulful song:", "Take a look at their reactions.", "Watch the video here:",
    "Check out the trailer here:", "Have a look at the post:", "See the pictures here:",
    "Take a look at the video.", "Here's the post:", "Watch the full video below:",
]

# Innocent look-alikes: (before, phrase, after). The phrase must never be removed.
INNOCENTS = [
    ("{P} said {PRON} had ", "also read the report", " before the meeting on {DAY}."),
    ("Teachers in {L} said ", "children who read more books", " tend to write better."),
    ("The ", "police will follow up", " on the complaint, the {ROLE} said."),
    ("", "The committee will listen to", " residents of {L2} before taking a final call."),
    ("Only a few households in {L2} ", "subscribe to the service", ", the survey found."),
    ("In ", "a post shared by the district office", " on {DAY}, officials urged calm."),
    ("The rumours spread through ", "messages circulated on WhatsApp groups", " in {L}, police said."),
    ("The council ", "also read out a statement", " from {P2}."),
    ("Voters who ", "read more than one newspaper", " were less likely to believe the claim."),
    ("Experts said it was time to ", "take a look at the numbers", " again."),
    ("A notice ", "posted by the civic body", " asked residents to store water."),
    ("\"", "Follow us to the exit", ",\" a marshal told the crowd."),
    ("Fans who ", "watch the video closely", " will spot {P2} in the background."),
    ("The panel will ", "listen to the podcast", " recorded by students before choosing a winner."),
]

ADJECTIVES = ["unfortunate", "overdue", "a step in the right direction", "premature", "encouraging",
              "disappointing", "significant", "unexpected"]
ADVERBS = ["slightly", "considerably", "marginally", "sharply", "well"]

DOMAINS = {
    "jagran": ["english.jagran.com"],
    "wire": ["www.livemint.com", "m.thewire.in", "www.cnbctv18.com", "timesofindia.indiatimes.com",
             "www.thehindu.com"],
    "summary": ["www.hindustantimes.com", "indiatoday.intoday.in", "www.theguardian.com"],
    "clean": ["news.example.org", "www.example.com"],
}
