package dk.vaerdig.letters.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Inflects a dictionary's plain alternative to the form of the word it replaces, so that a one-click fix stays Danish:
 * "ophører" (present) → "stopper", not "stoppe"; "orienteret" (participle) → "fortalt"; "skrivelsen" (definite) →
 * "brevet". The form of the replaced word comes from LanguageTool's Danish tagger ({@link Morphology}) or, for words
 * it does not know, from the ending after the dictionary entry's stem; the forms of the alternatives come from the
 * paradigms below (the tagger lacks many common strong verbs). Where no correct form can be produced the answer is
 * null: the finding then gives its advice without a one-click replacement.
 */
final class Inflection {

	enum Form {
		INF, IMP, PRESENT, PAST, PARTICIPLE, PASSIVE, PRESENT_PARTICIPLE, NOUN_INDEF_SG, NOUN_DEF_SG, NOUN_INDEF_PL,
		NOUN_DEF_PL, UNKNOWN;

		boolean verb() {
			return ordinal() <= PRESENT_PARTICIPLE.ordinal();
		}

		boolean noun() {
			return name().startsWith("NOUN_");
		}
	}

	/** Verb paradigms: infinitive, imperative, present, past, participle, passive ("-" where there is none). */
	private static final String[] VERB_TABLE = { "bruge brug bruger brugte brugt bruges",
			"sende send sender sendte sendt sendes", "begynde begynd begynder begyndte begyndt begyndes",
			"holde hold holder holdt holdt holdes", "få få får fik fået fås", "sætte sæt sætter satte sat sættes",
			"sige sig siger sagde sagt siges", "give giv giver gav givet gives", "vente vent venter ventede ventet ventes",
			"sørge sørg sørger sørgede sørget sørges", "kræve kræv kræver krævede krævet kræves",
			"være vær er var været -", "prøve prøv prøver prøvede prøvet prøves", "tage tag tager tog taget tages",
			"behandle behandl behandler behandlede behandlet behandles", "skrive skriv skriver skrev skrevet skrives",
			"lave lav laver lavede lavet laves", "gennemføre gennemfør gennemfører gennemførte gennemført gennemføres",
			"indføre indfør indfører indførte indført indføres", "se se ser så set ses", "bede bed beder bad bedt bedes",
			"skaffe skaf skaffer skaffede skaffet skaffes", "stoppe stop stopper stoppede stoppet stoppes",
			"betale betal betaler betalte betalt betales", "kontakte kontakt kontakter kontaktede kontaktet kontaktes",
			"bestille bestil bestiller bestilte bestilt bestilles", "søge søg søger søgte søgt søges",
			"fortælle fortæl fortæller fortalte fortalt fortælles", "ske ske sker skete sket -",
			"vise vis viser viste vist vises", "følge følg følger fulgte fulgt følges",
			"overveje overvej overvejer overvejede overvejet overvejes", "gøre gør gør gjorde gjort gøres",
			"komme kom kommer kom kommet -", "hjælpe hjælp hjælper hjalp hjulpet hjælpes",
			"ringe ring ringer ringede ringet ringes", "møde mød møder mødte mødt mødes",
			"udfylde udfyld udfylder udfyldte udfyldt udfyldes", "læse læs læser læste læst læses",
			"huske husk husker huskede husket huskes", "svare svar svarer svarede svaret besvares",
			"beslutte beslut beslutter besluttede besluttet besluttes", "vurdere vurdér vurderer vurderede vurderet vurderes",
			"undersøge undersøg undersøger undersøgte undersøgt undersøges", "ændre ændr ændrer ændrede ændret ændres",
			"tale tal taler talte talt tales", "foreslå foreslå foreslår foreslog foreslået foreslås",
			"nå nå når nåede nået nås", "tillade tillad tillader tillod tilladt tillades",
			"starte start starter startede startet startes", "deltage deltag deltager deltog deltaget -",
			"modtage modtag modtager modtog modtaget modtages", "afgøre afgør afgør afgjorde afgjort afgøres",
			"beregne beregn beregner beregnede beregnet beregnes", "registrere registrér registrerer registrerede registreret registreres",
			"afklare afklar afklarer afklarede afklaret afklares", "støtte støt støtter støttede støttet støttes",
			"have hav har havde haft haves", "foretage foretag foretager foretog foretaget foretages",
			"træffe træf træffer traf truffet træffes", "udføre udfør udfører udførte udført udføres",
			"yde yd yder ydede ydet ydes", "iværksætte iværksæt iværksætter iværksatte iværksat iværksættes",
			"afgive afgiv afgiver afgav afgivet afgives", "foregå foregå foregår foregik foregået -",
			"påbegynde påbegynd påbegynder påbegyndte påbegyndt påbegyndes", "stå stå står stod stået stås", "sælge sælg sælger solgte solgt sælges",
			"udbetale udbetal udbetaler udbetalte udbetalt udbetales", "kontrollere kontrollér kontrollerer kontrollerede kontrolleret kontrolleres",
			"prioritere prioritér prioriterer prioriterede prioriteret prioriteres", "indberette indberet indberetter indberettede indberettet indberettes",
			"begrunde begrund begrunder begrundede begrundet begrundes", "forvente forvent forventer forventede forventet forventes", "kunne - kan kunne kunnet -", "flytte flyt flytter flyttede flyttet flyttes" };

	/** Noun paradigms: indefinite and definite singular, indefinite and definite plural. */
	private static final String[] NOUN_TABLE = { "brev brevet breve brevene", "periode perioden perioder perioderne",
			"beløb beløbet beløb beløbene", "tiltag tiltaget tiltag tiltagene",
			"invitation invitationen invitationer invitationerne", "besked beskeden beskeder beskederne",
			"ønske ønsket ønsker ønskerne", "spørgsmål spørgsmålet spørgsmål spørgsmålene", "kontakt kontakten - -",
			"start starten - -", "svar svaret svar svarene", "mulighed muligheden muligheder mulighederne" };

	private static final Map<String, String[]> VERBS = new HashMap<>();

	private static final Map<String, String[]> NOUNS = new HashMap<>();

	static {
		for (String row : VERB_TABLE) {
			String[] forms = row.split(" ");
			VERBS.putIfAbsent(forms[0], forms);
		}
		for (String row : VERB_TABLE) {
			String[] forms = row.split(" ");
			for (String f : forms) {
				if (!f.equals("-")) {
					VERBS.putIfAbsent(f, forms);
				}
			}
		}
		for (String row : NOUN_TABLE) {
			String[] forms = row.split(" ");
			for (String f : forms) {
				if (!f.equals("-")) {
					NOUNS.putIfAbsent(f, forms);
				}
			}
		}
	}

	private Inflection() {
	}

	/** The paradigm of a verb of the table, by any of its forms, or null. */
	static String[] verb(String lower) {
		return VERBS.get(lower);
	}

	/**
	 * The form of a word of the text, preferring a verb reading when {@code wantVerb} (else a noun reading).
	 *
	 * @param stem the stem of a dictionary entry ending in * ("ophøre" of "ophøre*"), or null
	 */
	static Form formOf(String lower, String stem, boolean wantVerb) {
		Form fromTagger = Form.UNKNOWN;
		for (Morphology.Reading r : Morphology.readings(lower)) {
			Form f = fromTag(r.tag());
			if (f != Form.UNKNOWN && f.verb() == wantVerb) {
				return f;
			}
			if (fromTagger == Form.UNKNOWN) {
				fromTagger = f;
			}
		}
		String[] paradigm = wantVerb ? VERBS.get(lower) : NOUNS.get(lower);
		if (paradigm != null) {
			for (int i = 0; i < paradigm.length; i++) {
				if (paradigm[i].equals(lower)) {
					return wantVerb ? new Form[] { Form.INF, Form.IMP, Form.PRESENT, Form.PAST, Form.PARTICIPLE, Form.PASSIVE }[i]
							: new Form[] { Form.NOUN_INDEF_SG, Form.NOUN_DEF_SG, Form.NOUN_INDEF_PL, Form.NOUN_DEF_PL }[i];
				}
			}
		}
		if (stem != null) {
			String base = stem.endsWith("e") ? stem.substring(0, stem.length() - 1) : stem;
			if (lower.startsWith(base)) {
				Form f = fromEnding(lower.substring(base.length()), wantVerb);
				if (f != Form.UNKNOWN) {
					return f;
				}
			}
		}
		return fromTagger;
	}

	private static Form fromTag(String tag) {
		if (tag.startsWith("ver:")) {
			if (tag.endsWith(":pas")) {
				return Form.PASSIVE;
			}
			if (tag.startsWith("ver:inf")) {
				return Form.INF;
			}
			if (tag.startsWith("ver:imp")) {
				return Form.IMP;
			}
			if (tag.startsWith("ver:præ")) {
				return Form.PRESENT;
			}
			if (tag.startsWith("ver:dat")) {
				return Form.PAST;
			}
			if (tag.startsWith("ver:kor")) {
				return Form.PARTICIPLE;
			}
			if (tag.startsWith("ver:lan")) {
				return Form.PRESENT_PARTICIPLE;
			}
		}
		if (tag.startsWith("sub:") && tag.endsWith(":nom")) {
			boolean definite = tag.startsWith("sub:bes");
			boolean plural = tag.contains(":plu:");
			return plural ? (definite ? Form.NOUN_DEF_PL : Form.NOUN_INDEF_PL) : (definite ? Form.NOUN_DEF_SG : Form.NOUN_INDEF_SG);
		}
		return Form.UNKNOWN;
	}

	private static Form fromEnding(String ending, boolean verb) {
		if (verb) {
			return switch (ending) {
				case "" -> Form.IMP;
				case "e" -> Form.INF;
				case "er" -> Form.PRESENT;
				case "es", "s" -> Form.PASSIVE;
				case "ede", "te", "de" -> Form.PAST;
				case "et", "t" -> Form.PARTICIPLE;
				case "ende" -> Form.PRESENT_PARTICIPLE;
				default -> Form.UNKNOWN;
			};
		}
		return switch (ending) {
			case "", "e" -> Form.NOUN_INDEF_SG;
			case "en", "et", "n" -> Form.NOUN_DEF_SG;
			case "er", "r" -> Form.NOUN_INDEF_PL;
			case "erne", "ene", "rne", "ne" -> Form.NOUN_DEF_PL;
			default -> Form.UNKNOWN;
		};
	}

	/**
	 * The alternative with its first word inflected to {@code form}; null when that cannot be done correctly.
	 * Alternatives whose first word is neither a verb nor a noun of the tables are returned as they are only for the
	 * base form.
	 */
	static String inflect(String alternative, Form form) {
		if (alternative == null || alternative.isEmpty() || form == Form.UNKNOWN) {
			return null;
		}
		int space = alternative.indexOf(' ');
		String first = (space < 0 ? alternative : alternative.substring(0, space)).toLowerCase(Locale.ROOT);
		String rest = space < 0 ? "" : alternative.substring(space);
		if (form.verb()) {
			String[] p = VERBS.get(first);
			if (p == null) {
				return null;
			}
			String f = switch (form) {
				case INF -> p[0];
				case IMP -> p[1];
				case PRESENT -> p[2];
				case PAST -> p[3];
				case PARTICIPLE -> p[4];
				case PASSIVE -> p[5];
				default -> "-";
			};
			return f.equals("-") ? null : f + rest;
		}
		String[] p = NOUNS.get(first);
		if (p == null) {
			return form == Form.NOUN_INDEF_SG && rest.isEmpty() ? alternative : null;
		}
		String f = p[form.ordinal() - Form.NOUN_INDEF_SG.ordinal()];
		return f.equals("-") ? null : f + rest;
	}

	/**
	 * A verb (given in the infinitive) in a form: from the table, else by the regular rules, a past or participle only
	 * where the tagger confirms it; null when unsure.
	 */
	static String inflectRegular(String infinitive, Form form) {
		if (VERBS.containsKey(infinitive)) {
			return inflect(infinitive, form);
		}
		if (form == Form.UNKNOWN || !form.verb() || form == Form.PASSIVE || !infinitive.endsWith("e")) {
			return null;
		}
		String stem = infinitive.substring(0, infinitive.length() - 1);
		return switch (form) {
			case INF -> infinitive;
			case PRESENT -> infinitive + "r";
			case IMP -> imperative(infinitive);
			case PAST -> confirmed(infinitive, "ver:dat", stem + "ede", stem + "te");
			case PARTICIPLE -> confirmed(infinitive, "ver:kor", stem + "et", stem + "t");
			default -> null;
		};
	}

	private static String confirmed(String lemma, String tag, String... candidates) {
		for (String c : candidates) {
			for (Morphology.Reading r : Morphology.readings(c)) {
				if (r.lemma().equals(lemma) && r.tag().startsWith(tag)) {
					return c;
				}
			}
		}
		return null;
	}

	/** The imperative of a verb given in any form ("fremsende" → "fremsend"), or null when it cannot be made safely. */
	static String imperative(String lower) {
		String[] p = VERBS.get(lower);
		if (p != null) {
			return p[1].equals("-") ? null : p[1];
		}
		String lemma = null;
		for (Morphology.Reading r : Morphology.readings(lower)) {
			if (r.verb()) {
				lemma = r.lemma();
				break;
			}
		}
		if (lemma == null || !lemma.endsWith("e") || lemma.length() < 3) {
			return null;
		}
		String stem = lemma.substring(0, lemma.length() - 1);
		int n = stem.length();
		if (n >= 2 && stem.charAt(n - 1) == stem.charAt(n - 2) && "bdfgklmnprstv".indexOf(stem.charAt(n - 1)) >= 0) {
			stem = stem.substring(0, n - 1); // komme → kom, stoppe → stop
		}
		for (Morphology.Reading r : Morphology.readings(stem)) {
			if (r.lemma().equals(lemma) && r.tag().startsWith("ver:imp")) {
				return stem;
			}
		}
		return null;
	}
}
