package dk.vaerdig.letters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.WebSession;
import dk.vaerdig.letters.internal.ApiTokens;
import dk.vaerdig.platform.RateLimits;

/**
 * The analyser's HTTP API: LanguageTool's {@code /v2/check} and {@code /v2/languages}, and the JSON analysis, with
 * their protection (token or staff session, rate limit, CSRF only elsewhere) and their errors.
 */
@IntegrationTest
class CheckApiIntegrationTest {

	static final String LETTER = "Vi skriver vedrørende din ansøgning.";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	RateLimits limits;

	@LocalServerPort
	int port;

	String token(String name) {
		return tokens.create(name, "test").token();
	}

	ResultActions check(String token, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post("/v2/check").header("Authorization", "Bearer " + token);
		for (int i = 0; i < params.length; i += 2) {
			request = request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request);
	}

	@Test
	void answersInLanguageToolsShapeWithOneRuleIdPerKindAndTheSafeFixAsReplacement() throws Exception {
		String token = token("Aarhus Kommune");
		int at = LETTER.indexOf("vedrørende");
		check(token, "text", LETTER, "language", "da-DK").andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.software.name").value("Værdig"))
			.andExpect(jsonPath("$.language.code").value("da-DK"))
			.andExpect(jsonPath("$.matches[0].rule.id").value("VAERDIG_OFFICIALESE"))
			.andExpect(jsonPath("$.matches[0].rule.category.id").value("VAERDIG_PLAIN_LANGUAGE"))
			.andExpect(jsonPath("$.matches[0].rule.category.name").value("Klarsprog"))
			.andExpect(jsonPath("$.matches[0].rule.issueType").value("register"))
			.andExpect(jsonPath("$.matches[0].rule.description").value("Kancellisprog"))
			.andExpect(jsonPath("$.matches[0].shortMessage").value("Kancellisprog"))
			.andExpect(jsonPath("$.matches[0].message").value(containsString("kancellisprog")))
			.andExpect(jsonPath("$.matches[0].offset").value(at))
			.andExpect(jsonPath("$.matches[0].length").value("vedrørende".length()))
			.andExpect(jsonPath("$.matches[0].replacements[0].value").value("om"))
			.andExpect(jsonPath("$.matches[0].context.text").value(LETTER))
			.andExpect(jsonPath("$.matches[0].context.offset").value(at))
			.andExpect(jsonPath("$.matches[0].context.length").value(10))
			.andExpect(jsonPath("$.matches[0].sentence").value(LETTER))
			.andExpect(jsonPath("$.matches[0].type.typeName").value("Hint"));
		// advice without a safe one-click fix has no replacement: the -s passive
		check(token, "text", "Brevet sendes i morgen til dig.", "language", "da-DK")
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_PASSIVE')].replacements[0]").doesNotExist())
			.andExpect(jsonPath("$.matches[*].rule.id", hasItem("VAERDIG_PASSIVE")));
	}

	@Test
	void offsetsOfAnnotatedTextCountTheMarkupAndInterpretAsIsRead() throws Exception {
		String data = """
				{"annotation": [{"markup": "<p>"}, {"text": "Vi skriver "}, {"markup": "<b>"}, {"text": "vedrørende"},
				{"markup": "</b>"}, {"text": " din ansøgning."}, {"markup": "</p>", "interpretAs": "\\n\\n"},
				{"markup": "<p>"}, {"text": "De bedes ringe til os."}, {"markup": "</p>"}]}""";
		String original = "<p>Vi skriver <b>vedrørende</b> din ansøgning.</p><p>De bedes ringe til os.</p>";
		check(token("Odense Kommune"), "data", data, "language", "da-DK").andExpect(status().isOk())
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_OFFICIALESE')].offset").value(original.indexOf("vedrørende")))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_OFFICIALESE')].length").value(10))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_FORMAL_ADDRESS')].offset").value(original.indexOf("De bedes")))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_DISEMPOWERING')].offset").value(original.indexOf("De bedes")))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_DISEMPOWERING')].length").value("De bedes ringe".length()))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_DISEMPOWERING')].replacements[0].value").value("Ring"));
	}

	@Test
	void aDecisionWithoutComplaintGuidanceGetsTheMissingElementsOnItsFirstWordAndTheyCanBeSwitchedOff() throws Exception {
		String decision = "Kære Anna\n\nDu mødte ikke op til samtalen den 3. marts. Vi har derfor besluttet at trække 800 kr. i din kontanthjælp.";
		String token = token("Vejle Kommune");
		check(token, "text", decision, "language", "da-DK").andExpect(status().isOk())
			.andExpect(jsonPath("$.matches[*].rule.id", hasItem("VAERDIG_MISSING_COMPLAINT_DEADLINE")))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_MISSING_COMPLAINT_DEADLINE')].offset").value(0))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_MISSING_COMPLAINT_DEADLINE')].length").value(4))
			.andExpect(jsonPath("$.matches[?(@.rule.id == 'VAERDIG_MISSING_COMPLAINT_DEADLINE')].rule.category.id")
				.value("VAERDIG_LETTER"));
		// LanguageTool's mode: the text-level half has only the findings about the whole letter, the other half the rest
		check(token, "text", decision, "language", "da-DK", "mode", "textLevelOnly")
			.andExpect(jsonPath("$.matches[*].rule.id", hasItem("VAERDIG_MISSING_COMPLAINT_DEADLINE")))
			.andExpect(jsonPath("$.matches[?(@.rule.category.id != 'VAERDIG_LETTER')]").isEmpty());
		check(token, "text", decision, "language", "da-DK", "mode", "allButTextLevelOnly")
			.andExpect(jsonPath("$.matches[?(@.rule.category.id == 'VAERDIG_LETTER')]").isEmpty());
		check(token, "text", decision, "language", "da-DK", "disabledCategories", "VAERDIG_LETTER")
			.andExpect(jsonPath("$.matches[?(@.rule.category.id == 'VAERDIG_LETTER')]").isEmpty());
		// a text that is no decision or consultation: the good-practice elements only when asked for
		check(token, "text", LETTER, "language", "da-DK")
			.andExpect(jsonPath("$.matches[?(@.rule.category.id == 'VAERDIG_LETTER')]").isEmpty());
		check(token, "text", LETTER, "language", "da-DK", "enabledCategories", "VAERDIG_LETTER")
			.andExpect(jsonPath("$.matches[*].rule.id", hasItem("VAERDIG_MISSING_CONTACT")));
		check(token, "text", LETTER, "language", "da-DK", "enabledOnly", "true", "enabledRules", "VAERDIG_PASSIVE")
			.andExpect(jsonPath("$.matches").isEmpty());
	}

	@Test
	void anEnglishTextUnderAutoGetsNoFindingsAndUnderDanishTheNotice() throws Exception {
		String english = "Dear Anna, thank you for your application. We will call you about the meeting next week, and you can call us too.";
		String token = token("Kolding Kommune");
		check(token, "text", english, "language", "auto").andExpect(status().isOk())
			.andExpect(jsonPath("$.matches").isEmpty());
		check(token, "text", english, "language", "da-DK")
			.andExpect(jsonPath("$.matches[*].rule.id", hasItem("VAERDIG_NOT_DANISH")));
	}

	@Test
	void languagesListsDanishWithoutLogin() throws Exception {
		mvc.perform(get("/v2/languages")).andExpect(status().isOk())
			.andExpect(jsonPath("$[0].longCode").value("da-DK"))
			.andExpect(jsonPath("$[0].code").value("da"));
	}

	@Test
	void withoutATokenOrWithARevokedOneTheAnswerIs401InJsonNeverTheLoginPage() throws Exception {
		mvc.perform(post("/v2/check").param("text", LETTER).param("language", "da-DK"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("Bearer")))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.message").value(containsString("API token")));
		ApiTokens.Created created = tokens.create("Horsens Kommune", "test");
		check(created.token(), "text", LETTER, "language", "da-DK").andExpect(status().isOk());
		assertThat(tokens.revoke(created.id(), "test")).isTrue();
		check(created.token(), "text", LETTER, "language", "da-DK").andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.message").value(containsString("revoked")));
		check("vdg_not-a-token-at-all", "text", LETTER, "language", "da-DK").andExpect(status().isUnauthorized());
		mvc.perform(post("/api/letters/analysis").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Hej\"}"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void theAddOnsApiKeyParameterIsAToken() throws Exception {
		mvc.perform(post("/v2/check").param("text", LETTER).param("language", "da-DK").param("username", "aarhus")
			.param("apiKey", token("Silkeborg Kommune")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matches[0].rule.id").value("VAERDIG_OFFICIALESE"));
	}

	@Test
	void aMemberOfStaffWhoMayUseTheEditorNeedsNoTokenAndNoCsrfTokenButOthersAreRefused() throws Exception {
		mvc.perform(post("/v2/check").param("text", LETTER).param("language", "da-DK")
			.with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.matches[0].rule.id").value("VAERDIG_OFFICIALESE"));
		mvc.perform(post("/v2/check").param("text", LETTER).param("language", "da-DK")
			.with(user("politiker").roles("POLITICIAN")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.status").value(403));
		// CSRF protection is still on everywhere else: the editor without its token is refused
		mvc.perform(post("/letters/editor").param("text", LETTER).param("category", "INFORMATION")
			.with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/letters/editor").param("text", LETTER).param("category", "INFORMATION")
			.with(user("sagsbehandler").roles("CASEWORKER")).with(csrf()))
			.andExpect(status().isOk());
	}

	@Test
	void aRealStaffSessionFromTheLoginFormWorksOverHttp() {
		WebSession session = WebSession.login(URI.create("http://localhost:" + port + "/"), "sagsbehandler", "demo");
		var answer = session.post("/v2/check", Map.of("text", LETTER, "language", "da-DK"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(answer)).contains("VAERDIG_OFFICIALESE");
		var anonymous = WebSession.anonymous(URI.create("http://localhost:" + port + "/"))
			.post("/v2/check", Map.of("text", LETTER, "language", "da-DK"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void pastTheRateLimitTheAnswerIs429WithRetryAfter() throws Exception {
		ApiTokens.Created created = tokens.create("Randers Kommune", "test");
		// use up the token's bucket as 600 calls in a minute would
		RateLimits.Limit limit = new RateLimits.Limit(600, Duration.ofMinutes(1));
		for (int i = 0; i < 600; i++) {
			limits.tryConsume("letters-api:token:" + created.id(), limit);
		}
		check(created.token(), "text", LETTER, "language", "da-DK").andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.status").value(429));
		// another municipality's token is not affected
		check(token("Viborg Kommune"), "text", LETTER, "language", "da-DK").andExpect(status().isOk());
	}

	@Test
	void badInputGets400InJsonWithAMessage() throws Exception {
		String token = token("Herning Kommune");
		check(token, "language", "da-DK").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("'text'")));
		check(token, "text", LETTER).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("language")));
		check(token, "text", LETTER, "language", "en-US").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("Danish")));
		check(token, "data", "{not json", "language", "da-DK").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("not valid JSON")));
		check(token, "data", "{\"annotation\": [{\"text\": \"a\", \"markup\": \"<b>\"}]}", "language", "da-DK")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("exactly one")));
		check(token, "text", LETTER, "data", "{\"annotation\": []}", "language", "da-DK").andExpect(status().isBadRequest());
		check(token, "text", "ord ".repeat(20_000), "language", "da-DK").andExpect(status().is(413))
			.andExpect(jsonPath("$.status").value(413));
		mvc.perform(post("/api/letters/analysis").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\": "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").exists());
		mvc.perform(post("/api/letters/analysis").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Hej\", \"kind\": \"poem\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.message").value(containsString("kind")));
	}

	@Test
	void theAddOnsMayCallFromTheirOwnOriginsWithoutCredentials() throws Exception {
		mvc.perform(options("/v2/check").header("Origin", "chrome-extension://abcdefgh")
			.header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization"))
			.andExpect(status().isOk())
			.andExpect(header().string("Access-Control-Allow-Origin", "chrome-extension://abcdefgh"))
			.andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
	}

	@Test
	void theJsonAnalysisGivesLixKindElementsAndFindingsWithOffsets() throws Exception {
		String decision = "Afgørelse om kontanthjælp\nDu mødte ikke op til samtalen den 3. marts. Vi har derfor besluttet at trække 800 kr. i din kontanthjælp. Vi skriver vedrørende din sag.";
		mvc.perform(post("/api/letters/analysis").header("Authorization", "Bearer " + token("Aalborg Kommune"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"" + decision.replace("\n", "\\n") + "\", \"subjectLine\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.readability.lix").isNumber())
			.andExpect(jsonPath("$.readability.words").isNumber())
			.andExpect(jsonPath("$.body.lix").isNumber())
			.andExpect(jsonPath("$.kind.detected").value("decision"))
			.andExpect(jsonPath("$.kind.checked").value("decision"))
			.andExpect(jsonPath("$.elements[?(@.element == 'complaint-deadline')].present").value(false))
			.andExpect(jsonPath("$.findings[?(@.rule == 'officialese')].offset").value(decision.indexOf("vedrørende")))
			.andExpect(jsonPath("$.findings[?(@.rule == 'officialese')].suggestion").value("om"))
			.andExpect(jsonPath("$.findings[?(@.rule == 'missing-complaint-deadline')].ruleId").value("VAERDIG_MISSING_COMPLAINT_DEADLINE"))
			.andExpect(jsonPath("$.grade").isString());
	}

	@Test
	void theAdministratorMakesATokenThatIsShownOnceAndRevokesIt() throws Exception {
		String page = mvc.perform(post("/admin/letter-api-tokens").param("name", "Esbjerg Kommune")
			.with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("vdg_[A-Za-z0-9_-]{43}").matcher(page);
		assertThat(m.find()).isTrue();
		String token = m.group();
		check(token, "text", LETTER, "language", "da-DK").andExpect(status().isOk());
		// only the SHA-256 is stored, and the list never shows the token again
		assertThat(tokens.all()).anySatisfy(t -> assertThat(t.name()).isEqualTo("Esbjerg Kommune"));
		mvc.perform(get("/admin/letter-api-tokens").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Esbjerg Kommune")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(token))));
		long id = tokens.all().stream().filter(t -> t.name().equals("Esbjerg Kommune")).findFirst().orElseThrow().id();
		mvc.perform(post("/admin/letter-api-tokens/" + id + "/revoke").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
		check(token, "text", LETTER, "language", "da-DK").andExpect(status().isUnauthorized());
		// a caseworker may not make tokens
		mvc.perform(get("/admin/letter-api-tokens").with(user("sagsbehandler").roles("CASEWORKER")))
			.andExpect(status().isForbidden());
	}

	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void theTextIsNeitherLoggedNorStoredNorRepeatedInAnError(org.springframework.boot.test.system.CapturedOutput output,
			@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) throws Exception {
		String marker = "Kvistgaard-Øllebølle";
		String token = token("Fanø Kommune");
		check(token, "text", "Kære " + marker + ". Vi skriver vedrørende din sag.", "language", "da-DK")
			.andExpect(status().isOk());
		check(token, "data", "{\"annotation\": [{\"text\": \"" + marker + "\", \"markup\": 1}]}", "language", "da-DK")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(marker))));
		check(token, "data", "{\"annotation\": [{\"text\": \"" + marker, "language", "da-DK")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(marker))));
		mvc.perform(post("/api/letters/analysis").header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"" + marker + "\", \"kind\": 7, "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(marker))));
		assertThat(output.getAll()).doesNotContain(marker);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE detail LIKE ?").param("%" + marker + "%")
			.query(Long.class).single()).isZero();
	}
}
