package quote

// Closed word lists the stage reads word order with when no parse is there.

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// determiners before a cue word make it a noun ("a warning", "the claim").
var determiners = set("a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my",
	"your", "no", "any", "every", "each", "such", "some", "another")

// auxiliaries and adverbs that may stand between a subject and its cue.
var between = set("has", "have", "had", "having", "will", "would", "shall", "should", "can", "could", "may",
	"might", "must", "did", "does", "do", "'s", "’s", "'ve", "’ve", "'d", "’d", "'ll", "’ll", "not", "n't", "n’t",
	"never", "been", "also", "later", "then", "again", "repeatedly", "reportedly", "previously", "earlier",
	"recently", "once", "allegedly", "publicly", "openly", "privately", "firmly", "clearly", "strongly", "flatly",
	"categorically", "explicitly", "always", "often", "just", "already", "further", "too", "separately",
	"subsequently", "immediately", "simply", "only", "even", "still", "reiteratedly", "frequently", "angrily",
	"bluntly", "officially", "formally", "insistently", "himself", "herself", "itself", "themselves", "first",
	"last", "yesterday", "today", "tonight", "now", "however", "twice", "emphatically", "confidently")

// passives are the forms of "be" that make a following participle passive.
var passives = set("is", "are", "was", "were", "be", "been", "being", "am", "'s", "’s", "get", "got", "gets")

// boundaries stop a subject noun phrase read backwards.
var boundaries = set("that", "which", "who", "whom", "whose", "when", "while", "where", "because", "since", "if",
	"although", "though", "as", "but", "so", "what", "whatever", "how", "why", "than", "whether", "until",
	"unless", "is", "are", "was", "were", "be", "am", "has", "have", "had", "do", "does", "did", "will", "would",
	"can", "could", "should", "may", "might", "must", "shall", "not", "n't", "n’t", "to", "after", "before",
	"said", "says", "told", "added", "and", "or", "nor", "then", "later", "also")

// leading words dropped from the front of a subject noun phrase.
var leading = set("later", "then", "also", "and", "but", "meanwhile", "however", "so", "yet", "now", "earlier",
	"instead", "still", "separately", "moreover", "finally", "previously", "today", "yesterday", "or", "there")

// prepositions start prepositional phrases.
var prepositions = set("in", "on", "at", "of", "for", "from", "with", "to", "by", "during", "after", "before",
	"about", "over", "under", "into", "through", "against", "between", "among", "amid", "near", "without",
	"within", "across", "since", "via", "per", "toward", "towards", "despite", "upon")

// subjectPronouns start a clause; objectPronouns are listeners.
var subjectPronouns = set("he", "she", "it", "they", "we", "i", "you", "there")
var objectPronouns = set("me", "him", "her", "us", "them", "you", "it")

// finite verbs and auxiliaries that show a clause has a verb.
var finite = set("is", "are", "was", "were", "am", "has", "have", "had", "do", "does", "did", "will", "would",
	"can", "could", "should", "may", "might", "must", "shall", "wo", "'s", "’s", "'re", "’re", "'ll", "’ll", "'d",
	"’d", "won't", "can't", "isn't", "wasn't", "aren't", "weren't", "hasn't", "haven't", "hadn't", "doesn't",
	"didn't", "wouldn't", "couldn't", "shouldn't", "need", "needs", "remains", "remained", "means", "meant",
	"wants", "wanted", "knew", "knows", "saw", "sees", "went", "goes", "came", "comes", "made", "makes",
	"took", "takes", "gave", "gives", "got", "became", "becomes", "began", "left", "held", "kept", "lost",
	"won", "ran", "stood", "fell", "brought", "sought", "seems", "seemed", "looks", "exists", "continues",
	"belongs", "lies", "lay", "plans", "hopes", "intends", "refuses", "supports", "opposes",
	// irregular past tenses
	"rose", "fell", "grew", "sank", "began", "broke", "brought", "built", "bought", "chose", "drove",
	"fought", "found", "flew", "forgot", "froze", "hid", "led", "lent", "met", "paid", "rode", "rang",
	"sold", "sent", "shook", "shot", "sat", "spoke", "spent", "stole", "struck", "swore", "taught", "tore",
	"threw", "understood", "wore", "fled", "spread", "knew", "grew", "drew", "slid", "swung", "hung", "dealt",
	"meant", "felt", "heard", "sought", "thought", "told", "wrote", "said", "withdrew", "overtook", "undertook")

// listeners are plural nouns that stand alone as the object of "told".
var listeners = set("reporters", "journalists", "lawmakers", "parliament", "congress", "supporters", "delegates",
	"students", "members", "viewers", "listeners", "readers", "officials", "diplomats", "correspondents", "media")

// naming objects stand between a naming cue and its quotation.
var namingObjects = set("it", "them", "this", "that", "him", "her", "these", "those", "the", "a", "an", "as",
	"his", "their", "its")

// pronoun gender classes for resolution without an entities layer.
var personPronouns = set("he", "she", "him", "her", "his", "i")
var groupPronouns = set("they", "it", "we")

// titles are the office words that stand before a person's name.
var titles = set("minister", "secretary", "state", "president", "chairman", "chairwoman", "chair", "adviser",
	"advisor", "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "leader", "chief", "head",
	"director", "governor", "senator", "general", "premier", "chancellor", "king", "queen", "prince", "mayor", "mayors",
	"commander", "official", "counterpart", "deputy", "speaker", "figurehead", "representative", "lawmaker",
	"congressman", "congresswoman", "judge", "prosecutor", "colonel", "lieutenant", "captain", "sheikh",
	"emir", "ayatollah", "pope", "cardinal", "bishop", "superintendent", "inspector", "commissioner", "constable",
	"admiral", "commandant", "sergeant", "officer", "prince", "princess", "senior", "former", "sen.", "rep.", "gov.", "gen.", "dr.", "mr.", "mrs.", "ms.")

// quantifiers stand before a number at the start of a clause.
var quantifiers = set("about", "around", "nearly", "almost", "roughly", "some", "over", "more", "fewer", "less",
	"up", "at", "least", "only", "just", "approximately", "as", "many")
