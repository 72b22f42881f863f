package dk.vaerdig.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateAuthentication;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.demo.DemoDataGenerator;
import dk.vaerdig.platform.web.HandlerInputs.Slot;

/**
 * Every GET handler of every controller, as every demo role and without login, gets generated bad values in each of
 * its path variables and request parameters (overflowing and negative numbers, NUL and other control characters, far
 * dates, malformed months, unknown ids, very long texts), one slot at a time and all at once; none may answer 5xx.
 * The test also checks that it reached every GET handler with a role allowed to use it, so a new controller cannot
 * slip by. The values come from a seeded random source: a failure names the seed, the request and the role.
 */
@IntegrationTest
class BadValuesIntegrationTest {

	static final long SEED = Long.getLong("vaerdig.badValues.seed", 20261201L);

	static final List<String> NUMBERS = List.of("2147483648", "-2147483649", "9223372036854775808", "-9223372036854775809",
			"42949673", "-1", "0", "99999999", "1e9", "0x10", "١٢", "NaN", " 7", "");

	static final List<String> TEXTS = List.of("a\u0000b", "\u0000", "\u0007\u001b[31m", "x".repeat(5000),
			"'; DROP TABLE candidate; --", "%", "%00", "../../etc/passwd", "<script>alert(1)</script>", "=HYPERLINK(\"x\")",
			"\uD83D\uDE00", "\uFFFF", "");

	static final List<String> DATES = List.of("-999999999-01-01", "+99999-12-31", "+999999999-12-31", "0000-01-01",
			"1899-12-31", "2201-01-01", "2026-02-30", "2026-13-01", "31-12-2026", "-99999-01", "2026-13", "2026-00",
			"2026-12-31T25:61", "+10000-01-01T00:00", "-999999999-01-01T00:00");

	/** {@code -Dvaerdig.badValues.only=Controller.method,...} checks only those handlers and prints every request. */
	static final String ONLY = System.getProperty("vaerdig.badValues.only", "");

	static final boolean VERBOSE = !ONLY.isEmpty();

	/** A candidate signed in to Min side, as a role beside the staff roles. */
	static final DemoDataGenerator.Login CANDIDATE = new DemoDataGenerator.Login("candidate", "Demo", "CANDIDATE", -1);

	/** The roles of the demo municipality, a signed-in candidate, and null for a visitor without login. */
	static final List<DemoDataGenerator.Login> ROLES = roles();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Handler(String name, HandlerMethod method, List<String> patterns, List<Slot> slots, boolean htmx) {
	}

	Random random = new Random(SEED);

	Set<String> reached = new TreeSet<>();

	List<String> failures = new ArrayList<>();

	int requests;

	@Test
	void noGetHandlerAnswers5xxToBadValuesAsAnyRole() throws Exception {
		List<Handler> handlers = getHandlers();
		assertThat(handlers).as("GET handlers found").hasSizeGreaterThan(ONLY.isEmpty() ? 30 : 0);
		for (Handler handler : handlers) {
			// which roles may use the handler: a plausible request that is neither refused nor sent to the login
			List<DemoDataGenerator.Login> allowed = new ArrayList<>();
			for (DemoDataGenerator.Login role : ROLES) {
				if (send(handler, role, plausible(handler.slots()))) {
					allowed.add(role);
				}
			}
			// one of them gets every value of each slot's kind, the others a few random ones; the rest all slots bad
			DemoDataGenerator.Login sweeper = allowed.isEmpty() ? null : allowed.get(random.nextInt(allowed.size()));
			if (VERBOSE) {
				System.out.printf("%s %s %s: %s%n", handler.name(), handler.patterns(), handler.slots(),
						allowed.stream().map(r -> r == null ? "anonymous" : r.username()).toList());
			}
			for (DemoDataGenerator.Login role : ROLES) {
				List<Map<Slot, String>> variants = allowed.contains(role) ? variants(handler, role == sweeper) : new ArrayList<>();
				variants.add(allBad(handler));
				for (Map<Slot, String> values : variants) {
					send(handler, role, values);
				}
			}
		}
		System.out.printf("BadValuesIntegrationTest: %d GET handlers, %d requests, seed %d%n", handlers.size(), requests, SEED);
		assertThat(failures).as("requests answered 5xx (seed " + SEED + ")").isEmpty();
		Set<String> notReached = new TreeSet<>();
		handlers.forEach(h -> notReached.add(h.name()));
		notReached.removeAll(reached);
		assertThat(notReached).as("GET handlers no role reached: each needs a role that may use it").isEmpty();
	}

	/** Sends the request to every path of the handler; whether the handler was reached (not refused, not to login). */
	boolean send(Handler handler, DemoDataGenerator.Login role, Map<Slot, String> values) {
		boolean reachedNow = false;
		for (String pattern : handler.patterns()) {
			URI uri = uri(pattern, handler.slots(), values);
			int n = requests++;
			// each request from its own address, so the rate limit of the public pages does not answer instead
			String remote = "10.77." + (n / 250) % 250 + "." + (n % 250 + 1);
			MockHttpServletRequestBuilder request = get(uri).with(r -> {
				r.setRemoteAddr(remote);
				return r;
			});
			if (role == CANDIDATE) {
				// a candidate signed in to their own pages (a demo candidate), in the candidate's own session
				request.with(authentication(new CandidateAuthentication(
						new CandidateIdentity(demoCandidate(), "Demo", AssuranceLevel.SUBSTANTIAL))));
			}
			else if (role != null) {
				request.with(user(role.username()).roles(role.role()));
			}
			if (handler.htmx() && random.nextBoolean()) {
				request.header("HX-Request", "true");
			}
			String who = role == null ? "anonymous" : role.username();
			try {
				MvcResult result = mvc.perform(request).andReturn();
				int status = result.getResponse().getStatus();
				if (VERBOSE) {
					System.out.println(status + " GET " + uri + " as " + who);
				}
				if (status >= 500) {
					failures.add(status + " GET " + uri + " as " + who + " (" + handler.name() + ")"
							+ (result.getResolvedException() == null ? "" : ": " + result.getResolvedException()));
				}
				if (result.getHandler() instanceof HandlerMethod m && m.getMethod().equals(handler.method().getMethod())
						&& status != 401 && status != 403) {
					reached.add(handler.name());
					reachedNow = true;
				}
			}
			catch (Exception e) {
				failures.add("exception GET " + uri + " as " + who + " (" + handler.name() + "): " + rootCause(e));
			}
		}
		return reachedNow;
	}

	/** The GET handlers of the application's own controllers, with what they take from the request. */
	List<Handler> getHandlers() {
		List<Handler> handlers = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod method = entry.getValue();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!method.getBeanType().getPackageName().startsWith("dk.vaerdig")
					|| !(methods.isEmpty() || methods.contains(RequestMethod.GET))) {
				continue;
			}
			String name = method.getBeanType().getSimpleName() + "." + method.getMethod().getName();
			handlers.add(new Handler(name, method, List.copyOf(info.getPatternValues()), HandlerInputs.slots(method),
					HandlerInputs.readsHtmxHeader(method)));
		}
		handlers.sort(java.util.Comparator.comparing(Handler::name));
		if (!ONLY.isEmpty()) {
			handlers.removeIf(h -> !List.of(ONLY.split(",")).contains(h.name()));
		}
		return handlers;
	}

	/**
	 * The values to try, each slot bad on its own with the others plausible or absent: every value of the slot's kind
	 * and three from any kind ({@code sweep}), or one of each.
	 */
	List<Map<Slot, String>> variants(Handler handler, boolean sweep) {
		List<Map<Slot, String>> variants = new ArrayList<>();
		for (Slot slot : handler.slots()) {
			List<String> values = new ArrayList<>(sweep ? pool(slot) : List.of(pick(pool(slot))));
			for (int i = 0; i < (sweep ? 3 : 1); i++) {
				values.add(pick(anything()));
			}
			for (String value : values) {
				Map<Slot, String> variant = plausible(handler.slots());
				variant.put(slot, value);
				variants.add(variant);
			}
		}
		return variants;
	}

	Map<Slot, String> allBad(Handler handler) {
		Map<Slot, String> values = new LinkedHashMap<>();
		handler.slots().forEach(slot -> values.put(slot, pick(random.nextBoolean() ? pool(slot) : anything())));
		return values;
	}

	static Map<Slot, String> plausible(List<Slot> slots) {
		Map<Slot, String> values = new LinkedHashMap<>();
		for (Slot slot : slots) {
			if (slot.path()) {
				values.put(slot, slot.kind() == HandlerInputs.Kind.NUMBER ? "1" : "unknown");
			}
		}
		return values;
	}

	static List<String> pool(Slot slot) {
		return switch (slot.kind()) {
			case NUMBER -> NUMBERS;
			case DATE -> DATES;
			case TEXT, CHOICE -> TEXTS;
		};
	}

	static List<String> anything() {
		List<String> all = new ArrayList<>(NUMBERS);
		all.addAll(TEXTS);
		all.addAll(DATES);
		return all;
	}

	String pick(List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	/** The address with the path variables filled in and the parameters as a query, both encoded as a browser would. */
	static URI uri(String pattern, List<Slot> slots, Map<Slot, String> values) {
		StringBuilder path = new StringBuilder();
		Matcher variable = Pattern.compile("\\{\\*?([A-Za-z0-9_]+)(?::[^}]*)?}|\\*\\*").matcher(pattern);
		while (variable.find()) {
			String name = variable.group(1);
			String value = slots.stream().filter(s -> s.path() && s.name().equals(name)).findFirst().map(values::get)
				.orElse("x");
			variable.appendReplacement(path, Matcher.quoteReplacement(UriUtils.encodePathSegment(value, StandardCharsets.UTF_8)));
		}
		variable.appendTail(path);
		StringBuilder query = new StringBuilder();
		Set<String> seen = new LinkedHashSet<>();
		values.forEach((slot, value) -> {
			if (!slot.path() && seen.add(slot.name())) {
				query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(slot.name(), StandardCharsets.UTF_8))
					.append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return URI.create(path + query.toString());
	}

	static String rootCause(Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.toString();
	}

	static List<DemoDataGenerator.Login> roles() {
		List<DemoDataGenerator.Login> roles = new ArrayList<>(DemoDataGenerator.LOGINS);
		roles.add(CANDIDATE);
		roles.add(null);
		return roles;
	}

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Long demoCandidate;

	/** The first candidate of the demo data, with an open course. */
	long demoCandidate() {
		if (demoCandidate == null) {
			demoCandidate = jdbc.sql("SELECT min(id) FROM candidate WHERE course_closed_on IS NULL").query(Long.class).single();
		}
		return demoCandidate;
	}
}
