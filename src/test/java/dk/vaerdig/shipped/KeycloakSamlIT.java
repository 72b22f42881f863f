package dk.vaerdig.shipped;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;

import dk.vaerdig.WebSession;
import dk.vaerdig.access.internal.saml.SamlXml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAML logins against a real identity provider: Keycloak's distribution from Maven Central (unpacked by the build
 * into target/keycloak), started once with {@code start-dev --import-realm} on Java 21+ ({@code keycloak.java.home})
 * and the realms under {@code src/test/resources/keycloak} (a staff realm whose user has a privileges bundle; a MitID
 * realm with a CPR number and a level of assurance per user, each a user attribute declared in the realm's user
 * profile, and whose client encrypts its assertions), beside the built jar configured
 * against it. The browser's part is played over HTTP (cookies, Keycloak's login form, its auto-posting form to our
 * ACS), so a response can be captured, changed and posted again: staff with the role from the privileges, single
 * logout through Keycloak, a candidate to their own Min side, and refusals of low assurance, a broken signature,
 * another audience, an expired assertion and a replayed one. Then the two happy paths once more in headless Chromium.
 * The MitID realm plays an OIDC MitID broker too (client {@code vaerdig-mitid-oidc}, the CPR number and the level of
 * assurance as ID token claims): a candidate logs in through it to their own Min side and logs out at Keycloak, a low
 * level is refused, a CPR number with no case gets the no-case page, and the login once more in Chromium.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSamlIT {

	/** The CPR number of the MitID realm's two users, registered as a candidate in the app by the test. */
	static final String CPR = "150585-1234";

	static final String PASSWORD = "kc-test";

	/** The CPR number of the MitID realm's user with no case in the app. */
	static final String CPR_NO_CASE = "200190-1234";

	/** The secret of the MitID realm's OIDC client {@code vaerdig-mitid-oidc} (the broker's client for us). */
	static final String OIDC_SECRET = "kc-oidc-secret";

	/** The assertion's lifetime in Keycloak (seconds), and our clock skew: short, so the expiry test waits little. */
	static final int LIFESPAN = 15;

	static Process keycloak;

	static ShippedJar app;

	static String kc;

	static String appBase;

	static Path appLog = Path.of("target", "keycloak-saml-jar.log");

	@BeforeAll
	static void start() throws Exception {
		Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.4.7"));
		Path java = Path.of(System.getProperty("keycloak.java.home",
				System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")));
		assertThat(home.resolve("bin/kc.sh")).as("Keycloak unpacked by `mvn pre-integration-test`").exists();
		assertThat(java.resolve("bin/java")).as("a JDK 21+ for Keycloak (keycloak.java.home)").exists();
		int kcPort = ShippedJar.freePort();
		int appPort = ShippedJar.freePort();
		kc = "http://localhost:" + kcPort;
		appBase = "http://localhost:" + appPort;
		writeRealms(home);
		Instant started = Instant.now();
		ProcessBuilder kcProcess = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
				"--http-port=" + kcPort, "--http-management-port=" + ShippedJar.freePort(), "--hostname-strict=false")
			.redirectErrorStream(true)
			.redirectOutput(Path.of("target", "keycloak.log").toFile());
		kcProcess.environment().put("JAVA_HOME", java.toString());
		kcProcess.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
		keycloak = kcProcess.start();
		String sp = Path.of("src/test/resources/saml").toAbsolutePath().toUri().toString();
		List<String> args = new ArrayList<>(List.of("--vaerdig.access.saml.base-url=" + appBase,
				"--vaerdig.access.saml.clock-skew=1s"));
		for (String r : List.of("staff", "mitid")) {
			String p = "--vaerdig.access.saml." + r + ".";
			args.addAll(List.of(p + "enabled=true", p + "sp-key=" + sp + "sp-key.pem", p + "sp-certificate=" + sp + "sp-cert.pem",
					p + "idp-metadata=" + kc + "/realms/" + r + "/protocol/saml/descriptor"));
		}
		args.add("--vaerdig.access.saml.staff.privilege-roles[http://vaerdig.dk/roles/teamlead]=TEAM_LEAD");
		// NemLog-in encrypts its assertions: the MitID realm's client does too (AES-256-GCM, RSA-OAEP), to our
		// signing certificate, which serves as the encryption certificate when none is configured apart
		args.add("--vaerdig.access.saml.mitid.require-encrypted-assertions=true");
		// MitID through an OIDC broker, beside NemLog-in's SAML: the same realm plays the broker, its client puts the
		// user's CPR number and level of assurance ("Substantial", "Low") into the ID token
		String oidc = "--vaerdig.access.mitid-oidc.";
		args.addAll(List.of(oidc + "enabled=true", oidc + "issuer-uri=" + kc + "/realms/mitid",
				oidc + "client-id=vaerdig-mitid-oidc", oidc + "client-secret=" + OIDC_SECRET, oidc + "cpr-claim=dk:gov:cpr",
				oidc + "substantial-values=Substantial", oidc + "high-values=High"));
		// the jar starts while Keycloak does (it reads the IdP metadata at the first login)
		app = ShippedJar.start(Duration.ofMinutes(10), appPort, args, appLog.getFileName().toString());
		awaitKeycloak(Duration.ofMinutes(8));
		System.out.println("KeycloakSamlIT: Keycloak answered after " + Duration.between(started, Instant.now()).toSeconds()
				+ " s (started beside the jar)");
		registerTheCandidate();
	}

	@AfterAll
	static void stop() throws Exception {
		if (chromium != null) {
			chromium.quit();
		}
		if (app != null) {
			app.close();
		}
		if (keycloak != null) {
			List<ProcessHandle> tree = keycloak.descendants().toList();
			keycloak.destroy();
			tree.forEach(ProcessHandle::destroy);
			if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
				keycloak.destroyForcibly();
				tree.forEach(ProcessHandle::destroyForcibly);
			}
		}
	}

	static void writeRealms(Path home) throws IOException {
		Path data = home.resolve("data");
		if (Files.exists(data.resolve("h2"))) {
			try (Stream<Path> old = Files.walk(data.resolve("h2"))) {
				old.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Path imports = Files.createDirectories(data.resolve("import"));
		String spCert = Files.readString(Path.of("src/test/resources/saml/sp-cert.pem"))
			.replaceAll("-----[A-Z ]+-----", "")
			.replaceAll("\\s", "");
		String privileges = Base64.getEncoder().encodeToString(("""
				<bpp:PrivilegeList xmlns:bpp="http://itst.dk/oiosaml/basic_privilege_profile">\
				<PrivilegeGroup Scope="urn:dk:gov:saml:cvrNumberIdentifier:29189846">\
				<Privilege>http://vaerdig.dk/roles/teamlead</Privilege></PrivilegeGroup></bpp:PrivilegeList>""")
			.getBytes(StandardCharsets.UTF_8));
		for (String realm : List.of("staff", "mitid")) {
			String json = Files.readString(Path.of("src/test/resources/keycloak", realm + "-realm.json"))
				.replace("@APP@", appBase)
				.replace("@SP_CERT@", spCert)
				.replace("@PRIVILEGES@", privileges)
				.replace("@CPR@", CPR.replace("-", ""))
				.replace("@CPR_NO_CASE@", CPR_NO_CASE.replace("-", ""))
				.replace("@OIDC_SECRET@", OIDC_SECRET)
				.replace("@LIFESPAN@", String.valueOf(LIFESPAN));
			Files.writeString(imports.resolve(realm + "-realm.json"), json);
		}
	}

	static void awaitKeycloak(Duration timeout) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!keycloak.isAlive()) {
				throw new IllegalStateException("Keycloak stopped: see target/keycloak.log");
			}
			try {
				var answer = http.send(HttpRequest.newBuilder(URI.create(kc + "/realms/mitid/protocol/saml/descriptor"))
					.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(1000);
		}
		throw new IllegalStateException("Keycloak did not answer within " + timeout + ": see target/keycloak.log");
	}

	/** The candidate the MitID users are: registered through the staff form, as a caseworker does. */
	static void registerTheCandidate() {
		WebSession staff = WebSession.login(app.base(), "sagsbehandler", "demo");
		HttpResponse<byte[]> page = staff.get("/cases/new");
		Element form = Jsoup.parse(WebSession.text(page), page.uri().toString()).selectFirst("form[action=/cases/new]");
		Map<String, String> fields = WebSession.fields(form);
		fields.put("cpr", CPR);
		fields.put("firstName", "Kirsten");
		fields.put("lastName", "Keycloak");
		fields.put("targetGroupCode", "LAB02");
		HttpResponse<byte[]> registered = staff.post("/cases/new", fields);
		assertThat(registered.statusCode()).as(WebSession.text(registered)).isEqualTo(302);
	}

	/** What Keycloak's auto-posting form would send to our ACS. */
	record Posted(String action, String samlResponse) {
	}

	/**
	 * A browser at Keycloak: its own cookies, kept by hand (Keycloak marks its cookies Secure even over plain HTTP on
	 * localhost, which java.net's cookie store then never sends back); redirects within Keycloak followed by hand.
	 */
	static final class IdpBrowser {

		final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

		final Map<String, String> cookies = new java.util.LinkedHashMap<>();

		HttpResponse<String> send(HttpRequest request) {
			try {
				HttpResponse<String> answer = exchange(request);
				while (answer.statusCode() == 302 || answer.statusCode() == 303) {
					URI next = answer.uri().resolve(answer.headers().firstValue("Location").orElseThrow());
					if (!next.toString().startsWith(kc)) {
						return answer;
					}
					answer = exchange(HttpRequest.newBuilder(next).GET().build());
				}
				return answer;
			}
			catch (IOException | InterruptedException e) {
				throw new IllegalStateException(e);
			}
		}

		private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
			HttpRequest.Builder withCookies = HttpRequest.newBuilder(request.uri());
			request.headers().map().forEach((k, vs) -> vs.forEach(v -> withCookies.header(k, v)));
			withCookies.method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
			if (!cookies.isEmpty()) {
				withCookies.header("Cookie", cookies.entrySet()
					.stream()
					.map(e -> e.getKey() + "=" + e.getValue())
					.collect(Collectors.joining("; ")));
			}
			HttpResponse<String> answer = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
			for (String set : answer.headers().allValues("Set-Cookie")) {
				String pair = set.split(";", 2)[0];
				int eq = pair.indexOf('=');
				if (eq > 0) {
					String name = pair.substring(0, eq).strip();
					String value = pair.substring(eq + 1).strip();
					if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
						cookies.remove(name);
					}
					else {
						cookies.put(name, value);
					}
				}
			}
			return answer;
		}

		/** Opens the SSO address, logs in on Keycloak's form, and returns the response it posts to us. */
		Posted login(String ssoUrl, String username) {
			HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(ssoUrl)).GET().build());
			Element loginForm = Jsoup.parse(page.body(), page.uri().toString()).selectFirst("form#kc-form-login");
			assertThat(loginForm).as("Keycloak's login form:\n" + page.body()).isNotNull();
			HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(loginForm.absUrl("action")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", PASSWORD,
						"credentialId", ""))))
				.build());
			return posted(answer);
		}

		static Posted posted(HttpResponse<String> answer) {
			var doc = Jsoup.parse(answer.body(), answer.uri().toString());
			Element response = doc.selectFirst("input[name=SAMLResponse]");
			assertThat(response).as("Keycloak's answer:\n" + answer.body()).isNotNull();
			return new Posted(response.closest("form").attr("action"), response.attr("value"));
		}
	}

	static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String location(HttpResponse<?> answer) {
		return answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError("no redirect: " + answer.statusCode()));
	}

	/** The jar's log since a mark: the reason of a refusal is logged, never shown. */
	static String logSince(long mark) throws IOException {
		byte[] all = Files.readAllBytes(appLog);
		return new String(all, (int) Math.min(mark, all.length), (int) (all.length - Math.min(mark, all.length)),
				StandardCharsets.UTF_8);
	}

	static long logMark() throws IOException {
		return Files.size(appLog);
	}

	/** Posts the response again, as a browser that still holds its request id, at once (before it expires). */
	static void replayIsRefused(Posted captured) throws Exception {
		// the request id as the cookie our login sets: only the one-time use of the assertion stops it
		String requestId = new String(Base64.getMimeDecoder().decode(captured.samlResponse()), StandardCharsets.UTF_8)
			.replaceAll("(?s).*?InResponseTo=\"([^\"]+)\".*", "$1");
		long mark = logMark();
		HttpResponse<String> acs = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(appBase + "/saml/staff/acs"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Cookie", "VAERDIG_SAML_staff=" + requestId)
				.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("SAMLResponse", captured.samlResponse()))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(logSince(mark)).contains("assertion used before (replay)");
	}

	@Test
	@Order(1)
	void staffLogInThroughKeycloakWithTheRoleFromTheirPrivilegesAndLogOutThroughIt() throws Exception {
		WebSession browser = WebSession.anonymous(app.base());
		assertThat(WebSession.text(browser.get("/login"))).contains("Log ind med kommunens fælles login");
		String sso = location(browser.get("/saml/staff/login"));
		assertThat(sso).startsWith(kc + "/realms/staff/protocol/saml?SAMLRequest=").contains("&Signature=");
		IdpBrowser idp = new IdpBrowser();
		Posted posted = idp.login(sso, "sagsbehandler");
		assertThat(posted.action()).isEqualTo(appBase + "/saml/staff/acs");
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs", Map.of("SAMLResponse", posted.samlResponse()));
		assertThat(location(acs)).isEqualTo(appBase + "/");
		// at once, while the assertion is still within its lifetime: only the one-time use can refuse it
		replayIsRefused(posted);
		HttpResponse<byte[]> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		// the privilege http://vaerdig.dk/roles/teamlead made the demo caseworker a team lead, who handles complaints
		assertThat(WebSession.text(home)).contains("Mette Kjær").contains("href=\"/complaints\"");
		assertThat(browser.get("/complaints").statusCode()).isEqualTo(200);

		// single logout: our signed LogoutRequest to Keycloak, its LogoutResponse back to us, then the login page
		HttpResponse<byte[]> logout = browser.post("/logout", Map.of("_csrf", browser.csrf(home, "/logout")));
		String slo = location(logout);
		assertThat(slo).startsWith(kc + "/realms/staff/protocol/saml?SAMLRequest=");
		HttpResponse<String> back = idp.send(HttpRequest.newBuilder(URI.create(slo)).GET().build());
		String toUs = back.statusCode() == 302 ? location(back) : null;
		if (toUs == null) { // the POST binding: Keycloak's auto-posting form
			Posted logoutResponse = IdpBrowser.posted(back);
			assertThat(logoutResponse.action()).isEqualTo(appBase + "/saml/staff/logout");
			toUs = location(browser.post("/saml/staff/logout", Map.of("SAMLResponse", logoutResponse.samlResponse())));
		}
		else {
			assertThat(toUs).startsWith(appBase + "/saml/staff/logout?SAMLResponse=");
			toUs = location(browser.get(toUs));
		}
		assertThat(toUs).endsWith("/login?logout");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(2)
	void aCandidateLogsInWithMitIdAndSeesTheirOwnMinSide() {
		WebSession browser = WebSession.anonymous(app.base());
		assertThat(WebSession.text(browser.get("/min-side/login"))).contains("Log ind med MitID");
		Posted posted = new IdpBrowser().login(location(browser.get("/min-side/saml/login")), "borger-betydelig");
		assertThat(posted.action()).isEqualTo(appBase + "/min-side/saml/acs");
		// Keycloak encrypted the assertion: the CPR number is not readable on the way
		String xml = new String(Base64.getMimeDecoder().decode(posted.samlResponse()), StandardCharsets.UTF_8);
		assertThat(xml).contains("EncryptedAssertion").contains("http://www.w3.org/2009/xmlenc11#aes256-gcm")
			.doesNotContain(CPR.replace("-", "")).doesNotContain("<saml:Assertion");
		HttpResponse<byte[]> acs = browser.post("/min-side/saml/acs", Map.of("SAMLResponse", posted.samlResponse()));
		assertThat(location(acs)).isEqualTo(appBase + "/min-side");
		HttpResponse<byte[]> mine = browser.get("/min-side");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(mine)).contains("Kirsten");
	}

	@Test
	@Order(3)
	void aCandidateAtLowAssuranceIsRefused() {
		WebSession browser = WebSession.anonymous(app.base());
		Posted posted = new IdpBrowser().login(location(browser.get("/min-side/saml/login")), "borger-lav");
		HttpResponse<byte[]> acs = browser.post("/min-side/saml/acs", Map.of("SAMLResponse", posted.samlResponse()));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(WebSession.text(acs)).contains("Du skal logge ind med MitID på en sikrere måde");
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(4)
	void aResponseWithABrokenSignatureIsRefused() throws IOException {
		WebSession browser = WebSession.anonymous(app.base());
		Posted posted = new IdpBrowser().login(location(browser.get("/saml/staff/login")), "sagsbehandler");
		String xml = new String(Base64.getMimeDecoder().decode(posted.samlResponse()), StandardCharsets.UTF_8);
		assertThat(xml).contains(">sagsbehandler<");
		String tampered = Base64.getEncoder()
			.encodeToString(xml.replace(">sagsbehandler<", ">teamleder<").getBytes(StandardCharsets.UTF_8));
		long mark = logMark();
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs", Map.of("SAMLResponse", tampered));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(logSince(mark)).contains("does not verify");
		assertThat(browser.get("/").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(5)
	void aResponseForAnotherServiceIsRefused() throws IOException {
		WebSession browser = WebSession.anonymous(app.base());
		String sso = location(browser.get("/saml/staff/login"));
		// the same request (its id), but from the realm's other client: Keycloak answers with that client's audience
		String encoded = URLDecoder.decode(sso.replaceAll(".*SAMLRequest=([^&]*).*", "$1"), StandardCharsets.UTF_8);
		Document request = SamlXml.fromRedirect(encoded);
		SamlXml.all(request, SamlXml.ASSERTION, "Issuer").get(0).setTextContent(appBase + "/another-service");
		String other = kc + "/realms/staff/protocol/saml?SAMLRequest="
				+ URLEncoder.encode(SamlXml.deflateBase64(SamlXml.toString(request)), StandardCharsets.UTF_8);
		Posted posted = new IdpBrowser().login(other, "sagsbehandler");
		long mark = logMark();
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs", Map.of("SAMLResponse", posted.samlResponse()));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(logSince(mark)).contains("Audience is not our entity id");
	}

	@Test
	@Order(6)
	void anExpiredAssertionIsRefused() throws Exception {
		WebSession browser = WebSession.anonymous(app.base());
		Posted posted = new IdpBrowser().login(location(browser.get("/saml/staff/login")), "sagsbehandler");
		Thread.sleep((LIFESPAN + 2) * 1000L); // the assertion's lifetime and our skew of 1 s
		long mark = logMark();
		HttpResponse<byte[]> acs = browser.post("/saml/staff/acs", Map.of("SAMLResponse", posted.samlResponse()));
		assertThat(acs.statusCode()).isEqualTo(403);
		assertThat(logSince(mark)).contains("expired");
	}

	static org.openqa.selenium.WebDriver chromium;

	/** Headless Chromium, as the browser tests find it; without it the two browser tests skip, except in CI. */
	static org.openqa.selenium.WebDriver chromium() throws IOException {
		if (chromium == null) {
			Path binary = Path.of(System.getProperty("vaerdig.chromium", "/usr/bin/chromium"));
			Path driverBinary = Path.of(System.getProperty("vaerdig.chromedriver", "/usr/bin/chromedriver"));
			if (!Files.isExecutable(binary) || !Files.isExecutable(driverBinary)) {
				String notice = "KeycloakSamlIT's browser tests need " + binary + " and " + driverBinary;
				if ("true".equalsIgnoreCase(System.getenv("CI"))) {
					throw new IllegalStateException("CI must run the browser tests. " + notice);
				}
				org.junit.jupiter.api.Assumptions.abort(notice);
			}
			var options = new org.openqa.selenium.chrome.ChromeOptions();
			options.setBinary(binary.toFile());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--no-first-run", "--disable-background-networking", "--disable-sync", "--lang=da",
					"--user-data-dir=" + Files.createTempDirectory("vaerdig-keycloak-chromium"));
			chromium = new org.openqa.selenium.chrome.ChromeDriver(new org.openqa.selenium.chrome.ChromeDriverService.Builder()
				.usingDriverExecutable(driverBinary.toFile())
				.build(), options);
		}
		return chromium;
	}

	/** In Chromium: from our login link to Keycloak's form, logged in there, and back through its auto-posting form. */
	static String loginInChromium(String page, String link, String username, String landing) throws IOException {
		var driver = chromium();
		var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60));
		driver.get(appBase + page);
		driver.findElement(org.openqa.selenium.By.cssSelector("a[href='" + link + "']")).click();
		wait.until(d -> d.getCurrentUrl().startsWith(kc));
		wait.until(d -> !d.findElements(org.openqa.selenium.By.id("username")).isEmpty());
		driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
		driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(PASSWORD);
		driver.findElement(org.openqa.selenium.By.id("kc-login")).click();
		wait.until(d -> d.getCurrentUrl().equals(appBase + landing));
		return driver.getPageSource();
	}

	@Test
	@Order(7)
	void inChromiumAMemberOfStaffLogsInThroughKeycloak() throws Exception {
		String home = loginInChromium("/login", "/saml/staff/login", "sagsbehandler", "/");
		assertThat(home).contains("Mette Kjær").contains("href=\"/complaints\"");
	}

	@Test
	@Order(8)
	void inChromiumACandidateLogsInWithMitIdAndSeesTheirOwnMinSide() throws Exception {
		String mine = loginInChromium("/min-side/login", "/min-side/saml/login", "borger-betydelig", "/min-side");
		assertThat(mine).contains("Kirsten");
	}

	/**
	 * The OIDC login over HTTP: our authorization request (code flow, PKCE, nonce) to Keycloak, its login form, and
	 * its redirect back to us with the code, which the browser follows; returns our answer to that.
	 */
	static HttpResponse<byte[]> oidcLogin(WebSession browser, String username) {
		String authorize = location(browser.get("/min-side/oidc/authorization/mitid-oidc"));
		assertThat(authorize).startsWith(kc + "/realms/mitid/protocol/openid-connect/auth?")
			.contains("code_challenge=").contains("code_challenge_method=S256").contains("nonce=")
			.contains("scope=openid");
		IdpBrowser idp = new IdpBrowser();
		HttpResponse<String> page = idp.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build());
		Element loginForm = Jsoup.parse(page.body(), page.uri().toString()).selectFirst("form#kc-form-login");
		assertThat(loginForm).as("Keycloak's login form:\n" + page.body()).isNotNull();
		HttpResponse<String> back = idp.send(HttpRequest.newBuilder(URI.create(loginForm.absUrl("action")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", PASSWORD,
					"credentialId", ""))))
			.build());
		String toUs = location(back);
		assertThat(toUs).startsWith(appBase + "/min-side/oidc/code/mitid-oidc?").contains("code=");
		return browser.get(toUs);
	}

	@Test
	@Order(9)
	void aCandidateLogsInThroughTheOidcBrokerSeesTheirOwnMinSideAndLogsOutThere() throws Exception {
		WebSession browser = WebSession.anonymous(app.base());
		assertThat(WebSession.text(browser.get("/min-side/login"))).contains("href=\"/min-side/oidc/authorization/mitid-oidc\"")
			.contains("href=\"/min-side/saml/login\"");
		long mark = logMark();
		HttpResponse<byte[]> back = oidcLogin(browser, "borger-betydelig");
		assertThat(location(back)).isEqualTo(appBase + "/min-side");
		HttpResponse<byte[]> mine = browser.get("/min-side");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(mine)).contains("Kirsten");
		// the CPR number was only the key of the lookup: not in our log
		assertThat(logSince(mark)).doesNotContain(CPR.replace("-", "")).doesNotContain(CPR);
		// a candidate session reaches no staff page: the staff chain sends it to the staff login
		HttpResponse<byte[]> staffPage = browser.get("/");
		assertThat(staffPage.statusCode()).isEqualTo(302);
		assertThat(location(staffPage)).endsWith("/login");

		// logout: our session ends, and the browser goes to the broker's end-session endpoint, which sends it back
		HttpResponse<byte[]> logout = browser.post("/min-side/logout", Map.of("_csrf", browser.csrf(mine, "/min-side/logout")));
		String endSession = location(logout);
		assertThat(endSession).startsWith(kc + "/realms/mitid/protocol/openid-connect/logout?")
			.contains("client_id=vaerdig-mitid-oidc").contains("post_logout_redirect_uri=");
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(10)
	void aCandidateAtLowAssuranceThroughTheOidcBrokerIsRefused() {
		WebSession browser = WebSession.anonymous(app.base());
		HttpResponse<byte[]> back = oidcLogin(browser, "borger-lav");
		assertThat(location(back)).isEqualTo(appBase + "/min-side/oidc/refused?reason=lowAssurance");
		HttpResponse<byte[]> refused = browser.get(location(back));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(WebSession.text(refused)).contains("Du skal logge ind med MitID på en sikrere måde");
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(11)
	void aPersonWithNoCaseThroughTheOidcBrokerGetsTheNoCasePage() {
		WebSession browser = WebSession.anonymous(app.base());
		HttpResponse<byte[]> back = oidcLogin(browser, "borger-uden-sag");
		assertThat(location(back)).isEqualTo(appBase + "/min-side/oidc/no-case");
		HttpResponse<byte[]> noCase = browser.get(location(back));
		assertThat(noCase.statusCode()).isEqualTo(200);
		assertThat(WebSession.text(noCase)).contains("Vi kan ikke finde et forløb til dig");
		assertThat(browser.get("/min-side").statusCode()).isEqualTo(302);
	}

	@Test
	@Order(12)
	void inChromiumACandidateLogsInThroughTheOidcBrokerAndSeesTheirOwnMinSide() throws Exception {
		var driver = chromium();
		// a fresh browser: no single sign-on at Keycloak from the SAML test (its cookies are limited to the realm's
		// path, so they are deleted from there), and no session of ours
		driver.get(kc + "/realms/mitid/protocol/openid-connect/certs");
		driver.manage().deleteAllCookies();
		driver.get(appBase + "/min-side/login");
		driver.manage().deleteAllCookies();
		String mine = loginInChromium("/min-side/login", "/min-side/oidc/authorization/mitid-oidc", "borger-betydelig",
				"/min-side");
		assertThat(mine).contains("Kirsten");
	}
}
