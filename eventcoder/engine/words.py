"""The closed classes of English words the engine reads clauses with: prepositions, clause
marks, determiners, speech verbs, locatives, counts, and the nouns and verbs that point at an
act named elsewhere. Lower-case folded forms.
"""

from __future__ import annotations

# forms of "be" (and "get") before a participle: "was attacked", "got arrested"
BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "get", "gets"})
# words that may stand between an auxiliary and its verb: "had reportedly fired"
ADVERBS = frozenset({"also", "reportedly", "allegedly", "later", "then", "again", "recently",
                     "previously", "already", "just", "jointly", "all", "both", "had", "have",
                     "has", "repeatedly", "earlier", "subsequently", "successfully"})
# an actor after one of these is its object, not a subject
PREPOSITIONS = frozenset({"on", "in", "with", "to", "from", "against", "at", "for", "about",
                          "over", "of", "into", "toward", "towards", "inside", "across", "near",
                          "between", "among", "by", "upon", "within", "targeting", "under",
                          "during", "amid", "despite", "through", "throughout", "along",
                          "outside", "around", "beyond"})
# marks no subject is looked for beyond, leftwards
LEFT_BARRIERS = frozenset({";", ":", "!", "?"})
# marks and subordinators that close the clause an action's target is looked for in
RIGHT_BARRIERS = frozenset({".", ";", ":", "!", "?", '"', "that", "which", "who", "whom",
                            "when", "after", "before", "while", "because", "since", "as",
                            "said", "says", "but", "although", "though", "where", "until",
                            "saying", "adding", "-", "(", ")"})
# words that may open a subject: "and the army", "that rebels", "on Monday, police"
SUBJECT_OPENERS = frozenset({",", "and", "or", "but", "that", "then", "also", "as", "when",
                             "after", "before", "while", "because", "since", "if", '"'})
# verbs of saying: the actor before them is a speaker, not the subject of what is said
SPEECH_VERBS = frozenset({"says", "said", "say", "told", "tells", "stated", "added", "adds",
                          "saying"})
# possessive determiners: "its envoy", "their troops"
POSSESSIVES = frozenset({"its", "his", "her", "their", "our", "my", "your"})
# articles: one opens a noun phrase ("brokered by the United Nations")
ARTICLES = frozenset({"the", "a", "an"})
# words before a noun: a verb pattern after them is reading a noun ("the attack")
DETERMINERS = ARTICLES | {"this", "these", "those", "'s"} | POSSESSIVES
# heads of quantity phrases whose "of" actor is the subject: "hundreds of PTI supporters"
QUANTITIES = frozenset(
    """hundreds thousands dozens scores tens millions group groups crowd crowds number
    members supporters some many several most all""".split()
)
# counts before a participle make it an adjective: "two besieged villages"
COUNT_WORDS = frozenset(
    """two three four five six seven eight nine ten dozens hundreds thousands several many
    some few""".split()
)
# prepositions that say where: "talks in Baghdad" (the capital is a place, not an actor)
LOCATIVE_PLACES = frozenset({"in", "at", "near", "inside", "outside", "around", "off"})
# prepositions that say inside: "hideouts in Iran", "fired into Syria"
INSIDE_WORDS = frozenset({"in", "inside", "into", "across", "within"})
# words between a preposition and a place: "in northern Iraq", "into the restive south"
PLACE_MODIFIERS = frozenset(
    """the northern southern eastern western north south east west northeastern northwestern
    southeastern southwestern central neighbouring neighboring restive remote""".split()
)
# words between a role noun and the actor it belongs to: "fighters from Syria", "a spokesman
# for the Kachin Independence Army", "hideouts in Iran", "the charge d'affaires at the Syrian
# embassy"
OWNER_WORDS = INSIDE_WORDS | {"of", "from", "for", "at"}
# words that tie a role noun to the actor it serves: "fighters loyal to", "hackers linked to"
AFFILIATIONS = frozenset({"linked", "tied", "loyal", "affiliated", "allied", "close",
                          "belonging", "attached"})
# words that name an actor as a friend, not an adversary: "to reassure NATO allies"
FRIENDLY = frozenset({"reassure", "support", "help", "protect", "defend", "assist", "allies",
                      "ally", "allied", "partners", "partner"})
# nouns of places inside a city: "the Damascus suburbs" are a place, not the government
PLACE_NOUNS = frozenset(
    """suburb suburbs district districts neighbourhood neighbourhoods neighborhood
    neighborhoods outskirts airport airports streets street residents hospital hospitals market
    markets area areas quarter""".split()
)
# words before the means of an act: "strikes using jets and drones"
INSTRUMENT_MARKERS = frozenset({"using", "via", "utilising", "utilizing", "firing"})
# words whose object is a noun naming the act, so that the subject is its source: "launched
# air strikes", "carried out an attack", "fired rockets", "was responsible for the bombing"
LIGHT_VERBS = frozenset(
    """launch launched launches launching carry carried carries carrying conduct conducted
    conducts conducting stage staged stages staging mount mounted mounts mounting execute
    executed executes executing unleash unleashed unleashes unleashing wage waged wages waging
    step stepped intensify intensified intensifies escalate escalated resume resumed resumes
    continue continued continues begin began begins perform performed undertake undertook
    undertaken make made makes order ordered orders press pressed renew renewed
    hold held holds holding pay paid pays paying issue issued issues issuing lodge lodged
    lodges lodging announce announced announces announcing extend extended extends
    responsible fire fired fires firing drop dropped drops dropping lob lobbed hurl
    hurled put puts putting place placed places placing proclaim proclaimed proclaims
    complete completed completes""".split()
)
# nouns that refer back to an act already reported: "this illegal act", "the strike"
EVENT_ANAPHORS = frozenset(
    """act attack attacks strike strikes aggression incident violation breach bombing raid
    raids operation assault provocation move shelling airstrike airstrikes""".split()
)
# words after which, in the same clause, acts are what is alleged, not what happened
ALLEGATION_WORDS = frozenset({"claims", "claim", "allegations", "allegation", "accusations",
                              "accusation", "alleging", "alleged"})
# participles that make an actor respond to what the clause reports: "..., prompting
# Israel to declare him persona non grata" (Israel did, in answer to the subject)
CAUSATIVES = frozenset({"prompting", "forcing", "causing", "provoking", "spurring",
                        "compelling", "triggering"})
# what an attack did to a person: killed (an assassination) or wounded (an attempt at one)
KILLING_WORDS = frozenset({"killed", "killing", "assassinated", "slain", "died", "dead"})
WOUNDING_WORDS = frozenset({"wounded", "wounding", "injured", "injuring", "survived"})
# the offices whose holders are leaders (singular: "killed two commanders" is no assassination)
LEADER_NOUNS = frozenset({"president", "minister", "premier", "chancellor", "king", "queen",
                          "emir", "prince", "governor", "mayor", "leader", "commander", "chief",
                          "speaker", "head", "general", "warlord"})
# peoples and faiths named by an adjective, which towns share ("Arab militias" are not from
# Arab, Alabama): never read as places
PEOPLES = frozenset("""arab arabs kurdish kurd kurds christian christians muslim muslims jewish
    sunni shia shiite shi'ite alawite druze hindu sikh buddhist baloch pashtun tamil hausa fulani
    yazidi rohingya uighur uyghur masalit tutsi hutu tigrayan oromo igbo yoruba""".split())
# heads that name the same body: "Germany's foreign office ... The ministry also summoned"
SAME_HEADS = {"ministry": frozenset({"office", "department"})}
# offices and roles held by one person, which "he" or "she" may refer back to
PERSON_NOUNS = frozenset({"ambassador", "envoy", "diplomat", "spokesman", "spokeswoman",
                          "spokesperson", "official", "secretary", "negotiator", "journalist",
                          "reporter", "activist", "lawmaker", "senator", "judge", "prosecutor",
                          "officer", "soldier", "dissident", "cleric"})
# pronouns in object position: "giving him 72 hours"
OBJECT_PRONOUNS = frozenset({"him", "her"})
# prepositions after which a verb's form is a noun: "during protests", "after clashes"
# ("responded with strikes" may be the act itself)
NOUN_OPENERS = frozenset({"during", "after", "amid", "following", "despite", "before", "for",
                          "in"})
# amounts before a plural: a noun, not a verb ("5 million pounds")
AMOUNTS = frozenset({"million", "billion", "thousand", "hundred", "trillion"})
# words that open a relative clause: "riots that have killed", "Turkey, which backs"
RELATIVIZERS = frozenset({"that", "which", "who"})
# modals between a relativizer and its verb: "that would have extended"
MODALS = frozenset({"will", "would", "could", "may", "might", "should", "can"})
# verbs of saying whose complement is a clause: the actor after them opens it ("said Iran had")
REPORTING_VERBS = frozenset({"said", "says", "say", "stated", "added", "adds"})
# past tenses that do not end in -ed, for telling a clause's verb after its subject
IRREGULAR_PASTS = frozenset({"fired", "hit", "shot", "struck", "fought", "took", "sent", "held",
                             "met", "made", "began", "led", "left", "said", "told", "won"})
# nouns of attack a weapon may name: "a drone attack", "missile strikes"
ATTACK_NOUNS = frozenset({"attack", "attacks", "strike", "strikes", "raid", "raids", "fire",
                          "barrage", "assault"})
# role nouns that name a weapon as well as its crew: "a drone attack" is no attack on a drone
WEAPON_AGENTS = frozenset({"agent.mil.drone", "agent.mil.warplane", "agent.mil.artillery",
                           "agent.mil.armour", "agent.mil.helicopter", "agent.mil.warship",
                           "agent.mil.air-defence"})
# nouns of one who speaks for a body, before "of": "the head of the African Union Commission"
HEADS = frozenset({"head", "chief", "leader", "spokesman", "spokeswoman", "spokesperson",
                   "director", "secretary-general", "chairman", "chairwoman", "chair"})
