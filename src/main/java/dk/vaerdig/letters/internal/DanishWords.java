package dk.vaerdig.letters.internal;

import java.util.Arrays;
import java.util.Set;

/** Word lists the rules of {@link PlainLanguageAnalyser} use; all lower case. */
final class DanishWords {

	private DanishWords() {
	}

	private static Set<String> set(String... words) {
		return Set.copyOf(Arrays.asList(words));
	}

	/** Modal and other verbs before an -s passive: "kan sendes", "skal betales", "der gøres". */
	static final Set<String> BEFORE_S_PASSIVE = set("kan", "skal", "vil", "må", "bør", "kunne", "skulle", "ville",
			"måtte", "burde", "der", "at", "ikke");

	/** Words between the modal and the passive that may be skipped: "skal ikke sendes", "kan også ses". */
	static final Set<String> ADVERBS = set("ikke", "også", "altid", "derfor", "nu", "kun", "gerne", "snart",
			"allerede", "muligvis", "måske", "formentlig", "automatisk", "først", "så", "herefter", "igen", "stadig",
			"normalt", "typisk", "senest", "hurtigt", "straks", "blot", "bare", "selv", "du", "dig", "han", "hun", "det",
			"den", "der", "de", "vi", "i");

	/** -s passives frequent in letters, flagged wherever they stand. */
	static final Set<String> COMMON_S_PASSIVE = set("sendes", "udbetales", "betales", "indkaldes", "afholdes",
			"behandles", "træffes", "gøres", "tildeles", "bevilges", "bevilliges", "meddeles", "oplyses", "fremsendes",
			"indsendes", "forventes", "henvises", "anmodes", "opfordres", "pålægges", "nedsættes", "standses", "stoppes",
			"modregnes", "tilbagebetales", "afgøres", "foretages", "udføres", "gives", "modtages", "ydes", "beregnes",
			"fratrækkes", "trækkes", "overføres", "udsendes", "afgives", "indhentes", "inddrages", "underrettes",
			"sættes", "lægges", "undersøges", "kontaktes", "tilbydes", "afsluttes", "afvises", "godkendes", "fastsættes",
			"bedes", "sendtes", "betaltes", "afholdtes", "vurderedes", "besluttedes", "anses", "ansås", "tages", "bruges",
			"kræves", "skrives", "vises", "læses", "indstilles", "påbegyndes", "iværksættes", "tilrettelægges");

	/** Words in -es that are not passives: deponent verbs, pronouns, nouns, genitives that often occur. */
	static final Set<String> NOT_S_PASSIVE = set("deres", "hendes", "jeres", "vores", "andres", "synes", "findes",
			"lykkes", "skyldes", "trives", "længes", "mindes", "færdes", "enes", "mødes", "ses", "følges", "skændes",
			"proces", "succes", "kursus", "status", "les", "des", "hedes", "nærmes", "undres", "véd", "lades", "kendes",
			"processes", "adresses", "interesses", "hinandens", "tres", "halvtres", "fires", "øres");

	static final Set<String> BLIVE = set("blive", "bliver", "blev", "blevet", "blevne", "bli'r");

	/** Words in -t or -et after "blive" that are adjectives or adverbs, not participles. */
	static final Set<String> NOT_PARTICIPLE = set("godt", "bedst", "helt", "stort", "kort", "sent", "let", "svært",
			"klart", "rart", "dyrt", "sort", "hårdt", "sjovt", "nemt", "stærkt", "mørkt", "koldt", "varmt", "vådt", "rødt",
			"fint", "glat", "tæt", "fast", "træt", "ret", "mere", "mest", "flest", "sidst", "først", "rigtigt", "forkert",
			"det", "et", "sket", "ledigt", "muligt", "nødvendigt", "vigtigt", "trygt", "roligt", "sygt", "raskt", "glad",
			"nyt", "andet", "meget", "lidt", "noget", "intet", "samlet", "hjemme", "ved", "sammen", "tilbage", "måske");

	/** Verbs that hide the real verb in a noun: "foretage en vurdering", "træffe afgørelse". */
	static final Set<String> SUPPORT_VERBS = set("foretage", "foretager", "foretages", "foretaget", "foretog",
			"træffe", "træffer", "træffes", "truffet", "traf", "gennemføre", "gennemfører", "gennemføres", "gennemført",
			"udføre", "udfører", "udføres", "udført", "yde", "yder", "ydes", "ydet", "give", "giver", "gives", "givet",
			"foretagelse", "iværksætte", "iværksætter", "iværksættes", "iværksat", "sker", "ske", "skete", "fandt",
			"finder", "afgive", "afgiver", "afgives", "afgivet", "tage", "tager", "tages", "taget", "tog", "komme",
			"kommer", "foregå", "foregår", "påbegynde", "påbegynder", "påbegyndes", "påbegyndt");

	/** Nouns in -ing, -else, -tion, -hed that are ordinary words, not hidden verbs. */
	static final Set<String> NOT_NOMINALISATION = set("ting", "tingen", "ydelse", "ydelsen", "ydelser",
			"uddannelse", "uddannelsen", "forsørgelse", "mulighed", "muligheden", "muligheder", "virksomhed",
			"virksomheden", "myndighed", "myndigheden", "tilladelse", "tilladelsen", "regning", "regningen", "station",
			"stationen", "information", "informationen", "situation", "situationen", "kommunikation", "lejlighed",
			"lejligheden", "sikkerhed", "sikkerheden", "frihed", "friheden", "hensigt", "klarhed", "fællesskab",
			"medicin", "kantine", "pension", "pensionen", "lektion", "funktion", "funktionen", "nation", "region",
			"regionen", "besked", "beskeden", "anledning", "anledningen", "mening", "meningen", "erfaring", "erfaringer",
			"sandhed", "hjælp", "kaution", "portion", "udgang");

	static final Set<String> FORMAL_VERBS = set("skal", "kan", "bedes", "har", "er", "vil", "må", "bør", "får",
			"bliver", "modtager", "ønsker", "opfordres", "anmodes", "indkaldes", "henvises", "kunne", "skulle", "havde",
			"var", "kontaktes", "gøres", "blev", "tilbydes", "mødte", "ansøgte", "søgte", "underrettes", "må");

	static final Set<String> DU_FORMS = set("du", "dig", "din", "dit", "dine");
}
