package dk.vaerdig.loadtest;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * LanguageTool's add-ons checking a letter against Værdig: {@code POST /v2/check} with a one-page Danish decision
 * letter (about 330 words, with officialese, formal address and passives to find), {@code language=da-DK}, as the
 * browser add-on and the Word add-in send it. Closed model: {@code users} concurrent clients (default 20) after a
 * {@code ramp}, for {@code duration} seconds, each sending the next check as soon as the last answer came. Asserts no
 * failed request and p95 &lt; {@code p95.ms} (default 300, the target for a one-page letter with spelling).
 *
 * <p>Authentication: with {@code -Dtoken=vdg_…} (made on {@code /admin/letter-api-tokens}) every request carries
 * {@code Authorization: Bearer …}, as an add-on configured with a municipality's token; without it each virtual user
 * logs in as a member of staff (form login) and uses the session. Either way the API's rate limit (per token, per
 * member of staff) must be raised for a load test: start the app with
 * {@code --vaerdig.letters.api.token-requests-per-minute=1000000} and
 * {@code --vaerdig.letters.api.session-requests-per-minute=1000000}.
 *
 * <p>System properties: {@code base.url}, {@code users}, {@code duration}, {@code ramp}, {@code think.ms},
 * {@code token}, {@code logins} (default {@code sagsbehandler,teamleder,kommunikation}), {@code password},
 * {@code p95.ms}.
 */
public class CheckSimulation extends Simulation {

	private static final String BASE_URL = Harness.baseUrl();

	private static final int USERS = Integer.getInteger("users", 20);

	private static final Duration DURATION = Duration.ofSeconds(Long.getLong("duration", 60));

	private static final Duration RAMP = Duration.ofSeconds(Long.getLong("ramp", 5));

	private static final Duration THINK = Duration.ofMillis(Long.getLong("think.ms", 0));

	private static final int P95_MS = Integer.getInteger("p95.ms", 300);

	private static final String TOKEN = System.getProperty("token", "");

	private static final List<String> LOGINS = List
		.of(System.getProperty("logins", "sagsbehandler,teamleder,kommunikation").split(","));

	private static final String PASSWORD = System.getProperty("password", "demo");

	/** A one-page decision letter in the style the analyser is made to improve. */
	static final String LETTER = """
			Afgørelse om sanktion i din kontanthjælp

			Kære Anna Jensen

			Vi skriver vedrørende din kontanthjælp. Du var indkaldt til en samtale i jobcentret den 3. marts 2026 kl. 10.00, men du mødte ikke op, og du havde ikke meldt afbud forinden. Vi har derfor besluttet at trække 820 kr. i din kontanthjælp for marts 2026.

			Begrundelse
			Du har pligt til at deltage i samtaler i jobcentret, så længe du modtager kontanthjælp. Vi har lagt vægt på, at du fik indkaldelsen i Digital Post den 20. februar 2026, og at du ikke har oplyst en rimelig grund til at blive væk. Såfremt De har været syg den pågældende dag, bedes De fremsende dokumentation herfor, idet vi så vil foretage en fornyet vurdering af sagen. Der gøres opmærksom på, at gentagne udeblivelser kan medføre yderligere fradrag i ydelsen.

			Regler
			Afgørelsen er truffet i henhold til lov om aktiv socialpolitik § 36 og § 13, stk. 2. Du kan læse reglerne på www.retsinformation.dk.

			Hvad sker der nu?
			Beløbet bliver trukket i din næste udbetaling. Din næste samtale holdes den 17. marts 2026 kl. 9.30 i jobcentret, Rådhusgade 4. Du er velkommen til at tage en bisidder med. Hvis du ikke kan komme, skal du ringe til os senest dagen før.

			Klagevejledning
			Hvis du er uenig i afgørelsen, kan du klage til os inden 4 uger efter, at du har fået dette brev. Du kan klage skriftligt eller mundtligt, fx ved at ringe eller skrive til os i Digital Post. Vi ser på sagen igen. Hvis vi fastholder afgørelsen, sender vi din klage videre til Ankestyrelsen, som træffer afgørelse i sagen.

			Har du spørgsmål, er du velkommen til at kontakte undertegnede på telefon 72 10 20 30 mandag til fredag kl. 9–15, eller skrive til jobcenter@kommune.dk.

			Med venlig hilsen
			Mette Kjær
			Jobkonsulent
			""";

	private final HttpProtocolBuilder protocol = Harness.protocol(BASE_URL).acceptHeader("application/json");

	private static HttpRequestActionBuilder check() {
		HttpRequestActionBuilder request = http("check").post("/v2/check")
			.formParam("text", LETTER)
			.formParam("language", "da-DK")
			.check(status().is(200), jsonPath("$.matches[*].rule.id").findAll().exists());
		return TOKEN.isBlank() ? request : request.header("Authorization", "Bearer " + TOKEN);
	}

	private static volatile long deadlineMillis = Long.MAX_VALUE;

	private final ChainBuilder signIn = TOKEN.isBlank() ? Harness.login(LOGINS, PASSWORD) : exec(session -> session);

	private final ScenarioBuilder writers = scenario("writers").exec(signIn)
		.asLongAs(session -> System.currentTimeMillis() < deadlineMillis)
		.on(exec(check()).pause(THINK));

	{
		setUp(writers.injectClosed(rampConcurrentUsers(0).to(USERS).during(RAMP),
				constantConcurrentUsers(USERS).during(DURATION)))
			.protocols(protocol)
			.maxDuration(RAMP.plus(DURATION).plusSeconds(30))
			.assertions(Harness.assertions(P95_MS, "check"));
	}

	@Override
	public void before() {
		deadlineMillis = System.currentTimeMillis() + RAMP.plus(DURATION).plusSeconds(1).toMillis();
		System.out.printf("/v2/check load: %d clients against %s, ramp %d s, then %d s, %s; a letter of %d characters%n",
				USERS, BASE_URL, RAMP.toSeconds(), DURATION.toSeconds(),
				TOKEN.isBlank() ? "staff sessions " + LOGINS : "one API token", LETTER.length());
	}
}
