"""Word lists the attribution rules read: cues, media outlets, kinds of sources.

They describe English news writing in general; none is tuned to one article.
"""

from __future__ import annotations

#: Verbs of saying and writing: a subject + one of these + a clause or a quote.
SPEECH_VERBS = frozenset("""
say tell add state claim insist argue assert announce declare explain note observe remark
comment reply respond answer retort confirm deny admit acknowledge concede warn caution allege
maintain contend stress emphasize emphasise reiterate repeat write tweet post report reveal
disclose testify predict promise pledge vow threaten urge demand complain boast joke quip
recall recount mention signal conclude continue counter echo shout scream yell whisper
lament accuse charge assure advise inform agree disagree complain muse speculate posit
suggest indicate propose read begin ask cite quote call accuse criticize criticise
recommend acknowledge describe
""".split())

#: Verbs of belief and finding that PolNeAR-style attribution also counts.
BELIEF_VERBS = frozenset("""
believe think feel expect hope fear worry suspect doubt know understand assume guess consider
realize realise recognize recognise show find estimate determine discover prove project forecast
""".split())

#: Speech acts and stances whose object is what was said or held ("criticized the plan").
STANCE_VERBS = frozenset("""
endorse praise criticize criticise support announce cite propose reject defend deny dismiss
denounce tout challenge back mention raise express describe accuse blame condemn attack question
welcome applaud oppose slam blast hail recommend request unveil discuss address dispute
acknowledge admit predict demand promise pledge reiterate highlight emphasize emphasise stress
decry lambaste mock ridicule credit thank congratulate fault disparage embrace tout champion
show find reveal suggest indicate confirm offer
""".split())

#: (verb, preposition) pairs whose object is what was said or held ("talked about the economy").
PREP_CUES = frozenset({
    ("talk", "about"), ("speak", "about"), ("speak", "of"), ("ask", "about"), ("complain", "about"),
    ("warn", "about"), ("warn", "of"), ("warn", "against"), ("agree", "with"), ("comment", "on"),
    ("call", "for"), ("call", "on"), ("insist", "on"), ("focus", "on"), ("point", "to"),
    ("refer", "to"), ("argue", "for"), ("argue", "against"), ("push", "for"), ("testify", "about"),
    ("weigh", "in"), ("boast", "about"), ("brag", "about"), ("joke", "about"), ("write", "about"),
    ("tweet", "about"), ("vote", "for"), ("vote", "against"), ("hint", "at"), ("allude", "to"),
    ("respond", "to"), ("react", "to"), ("object", "to"), ("apologize", "for"), ("advocate", "for"),
})

#: Verbs of intention whose infinitive is the attributed content ("plans to run").
INTENTION_VERBS = frozenset("""
want plan seek decline refuse hope agree expect intend vow promise pledge threaten offer aim
decide choose wish prefer seem appear
""".split())

#: Nouns of studies and polls that attribute a finding ("In a new poll, ...").
FINDING_NOUNS = frozenset("poll polls survey surveys study report analysis data".split())

#: Labels that open a headline the way a speaker's name does ("The Latest: ...", "EXCLUSIVE: ...").
HEADLINE_LABELS = frozenset("""
latest exclusive breaking update updates live watch video photos opinion analysis editorial
review explainer factbox timeline correction listen podcast interview transcript
""".split())

#: Verbs that take a quoted fragment as what someone said of something ("called it 'a disgrace'").
FRAGMENT_VERBS = frozenset("call describe refer label dub brand term wish characterize characterise".split())

#: A cue needs a clause (ccomp) unless it is one of these, which also take a bare quote.
CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS

#: Verbs whose clause is a question, not a statement ("asked if he thought ...").
QUESTION_VERBS = frozenset("ask wonder question inquire enquire".split())

#: Nouns that head the description of a document or a statement as a source.
DOCUMENT_NOUNS = frozenset("""
statement report study poll survey document letter memo memorandum filing release post tweet
article analysis assessment review complaint lawsuit indictment ruling order transcript email
message note bulletin communique communiqué declaration paper book website site data research
investigation audit footage video recording interview
""".split())

#: Prepositions after a noun of view that introduce what the view is about ("rhetoric on immigration").
NOUN_TOPIC_PREPOSITIONS = frozenset({"on", "for", "about", "toward", "towards", "against", "of", "over"})

#: Verbs of the writer's impression of someone, not their words ("X seems content that ...").
IMPRESSION_VERBS = frozenset({"seem", "appear"})

#: Verbs of how something strikes the writer or others ("X seems unfit", "X appears to lead").
RAISING_VERBS = IMPRESSION_VERBS | {"look", "sound"}

#: Verbs of a view held by others, in the passive ("X is seen as Y", "X is expected to Y").
PERCEPTION_VERBS = frozenset("""
expect see view consider know regard perceive think believe say deem describe call label portray
brand rumor rumour suppose presume predict project
""".split())

#: Nouns of views held open, often by no one named ("questions about ...", "concerns that ...").
OPEN_QUESTION_NOUNS = frozenset({"question", "concern", "doubt", "speculation", "rumor", "rumour", "suspicion"})

#: Verbs of putting a question to someone, in the passive ("when asked about X", "pressed by Holt about X").
ASKED_VERBS = frozenset({"ask", "question", "press"})

#: Possessive pronouns that own a view ("his decision to run").
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "our", "my", "your"})

#: Words that stand for part of a group as a subject ("most oppose the plan").
QUANTIFIERS = frozenset({"most", "many", "some", "few", "all", "both", "others"})

#: Plural common nouns that name a group of sources ("officials said").
GROUP_NOUNS = frozenset("""
officials sources analysts experts critics observers residents witnesses people authorities
lawmakers legislators leaders diplomats investigators prosecutors police officers activists
supporters opponents aides advisers advisors democrats republicans voters scientists researchers
economists doctors members organizers organisers protesters
""".split())

#: Singular nouns for someone who can speak for themselves or others.
AGENT_NOUNS = frozenset("""
official source spokesman spokeswoman spokesperson aide adviser advisor analyst expert critic
campaign administration government ministry department agency committee party official candidate
nominee lawmaker senator congressman congresswoman governor mayor president leader voter
supporter opponent member chairman chairwoman director manager executive strategist pollster
economist scientist researcher professor lawyer attorney judge prosecutor officer author writer
reporter columnist editor commentator host activist organizer group coalition union company
firm organization organisation court panel board council poll survey study report
""".split())

#: Personal titles stripped from names and used to match descriptions to people.
TITLES = frozenset("""
mr mrs ms miss dr prof president vice secretary minister prime senator sen rep representative
governor gov mayor judge justice general gen colonel col captain capt lieutenant sergeant sgt
chancellor king queen prince princess pope sir dame lord lady ambassador spokesman spokeswoman
spokesperson chief director chairman chairwoman chair ceo commissioner attorney candidate
former acting deputy premier
""".split())

MALE_TITLES = frozenset("mr king prince sir lord spokesman chairman".split())
FEMALE_TITLES = frozenset("mrs ms miss queen princess dame lady spokeswoman chairwoman".split())

#: Words that mark an organisation's name as a news medium.
MEDIA_WORDS = frozenset("""
news times post journal tribune herald gazette telegraph guardian independent observer
chronicle reuters press agency wire daily weekly magazine radio tv television channel network
broadcasting broadcaster newspaper tass interfax xinhua bloomberg politico axios hill
cnn bbc nbc abc cbs fox msnbc npr pbs afp ap upi cnbc yonhap kyodo sputnik rt ria
newsweek vox breitbart huffpost huffington jazeera dpa ansa efe nhk voa rferl kommersant
izvestia vedomosti pravda economist atlantic slate salon insider mail express mirror sun
""".split())

#: Full outlet names that the media words alone would miss.
MEDIA_NAMES = frozenset("""
the hill|associated press|the associated press|new york times|washington post|wall street journal
|usa today|los angeles times|financial times|al jazeera|voice of america|the guardian|the atlantic
|der spiegel|le monde|the economist|buzzfeed news|the intercept|the new yorker|the daily beast
|vice news|sky news|euronews|france 24|deutsche welle|the washington times|the daily caller
""".replace("\n", "").split("|"))

#: Pronouns a source may be, and what they tell about who it is.
SOURCE_PRONOUNS = {
    "he": "male", "him": "male", "she": "female", "her": "female",
    "they": "plural", "them": "plural", "it": "neuter", "i": "first", "we": "first",
}
