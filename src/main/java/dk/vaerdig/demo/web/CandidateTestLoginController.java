package dk.vaerdig.demo.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.AssuranceLevel;
import dk.vaerdig.access.CandidateIdentity;
import dk.vaerdig.access.CandidateLoginOption;
import dk.vaerdig.access.CandidateLogins;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.demo.DemoMode;
import dk.vaerdig.platform.Cpr;

/**
 * The demo's test login for candidates, as NemLog-in's test environment offers test identities: a clearly marked page
 * lists a few demo candidates (name, masked CPR number), and choosing one signs them in to Min side at the level of
 * assurance "substantial". It exists only in the demo ({@link DemoMode}); anywhere else both addresses answer 404.
 */
@Controller
@NoPersonalData("the demo's test login: made-up demo candidates, and only where the demo generator filled the database")
class CandidateTestLoginController {

	static final String PATH = "/min-side/test-login";

	/** How many demo candidates the page offers. */
	static final int OFFERED = 5;

	private final DemoMode demo;

	private final JdbcClient jdbc;

	private final CandidateLogins logins;

	CandidateTestLoginController(DemoMode demo, JdbcClient jdbc, CandidateLogins logins) {
		this.demo = demo;
		this.jdbc = jdbc;
		this.logins = logins;
	}

	/** A demo candidate on offer. */
	record TestCandidate(long id, String firstName, String lastName, String cpr) {

		public String name() {
			return firstName + " " + lastName;
		}

		public String maskedCpr() {
			return Cpr.isValid(cpr) ? Cpr.of(cpr).masked() : "";
		}
	}

	/** The first demo candidates with an open course, a planned meeting ahead and an open agreement. */
	List<TestCandidate> offered() {
		return jdbc.sql("""
				SELECT c.id, c.first_name, c.last_name, c.cpr FROM candidate c
				WHERE c.course_closed_on IS NULL
				  AND EXISTS (SELECT 1 FROM meeting m WHERE m.candidate_id = c.id AND m.status = 'PLANNED' AND m.planned_at > now())
				  AND EXISTS (SELECT 1 FROM agreement a WHERE a.candidate_id = c.id AND a.status = 'OPEN')
				ORDER BY c.id LIMIT ?""")
			.param(OFFERED)
			.query(TestCandidate.class)
			.list();
	}

	private void requireDemo() {
		if (!demo.on()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	@GetMapping(PATH)
	String page(Model model) {
		requireDemo();
		model.addAttribute("candidates", offered());
		return "demo/test-login";
	}

	@PostMapping(PATH)
	String logIn(@RequestParam(required = false) Long candidateId, HttpServletRequest request,
			HttpServletResponse response) {
		requireDemo();
		Optional<TestCandidate> chosen = offered().stream().filter(c -> candidateId != null && c.id() == candidateId).findFirst();
		if (chosen.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		logins.signIn(new CandidateIdentity(chosen.get().id(), chosen.get().firstName(), AssuranceLevel.SUBSTANTIAL),
				"demo test login", request, response);
		return "redirect:/min-side";
	}

	/** The link on the candidates' login page, in the demo only. */
	@Configuration(proxyBeanMethods = false)
	static class Option {

		@Bean
		@Conditional(DemoSwitchedOn.class)
		CandidateLoginOption testLogin() {
			return new CandidateLoginOption(PATH, "portal.login.testLogin", "portal.login.testLoginHint");
		}
	}

	/** Demo data switched on, as {@link DemoMode} reads it (the database is not asked while beans are made). */
	static class DemoSwitchedOn implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String enabled = context.getEnvironment().getProperty("vaerdig.demo.enabled");
			return enabled != null ? Boolean.parseBoolean(enabled)
					: context.getEnvironment().getProperty("spring.datasource.url", "").isBlank();
		}
	}
}
