package dk.vaerdig.casework.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletContext;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.View;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.platform.web.JteViews;

/**
 * Issue 16's benchmark, not a test (its name keeps it out of {@code mvn verify}): where the application's CPU of a case
 * page and a search goes, measured in one JVM as thread CPU per call. First the whole request through MockMvc (the
 * filters, the controller, the JDBC client's side, the rendering; PostgreSQL's own CPU is another process), then the
 * rendering alone of the same model through the app's own view (both pages are jte since 3 Dec 2026, see
 * {@link JteViews}; before, a Thymeleaf markup selector weighed the parts of a page). The case page is the demo candidate with
 * the most meetings in the caseworker's team.
 * <p>
 * {@code mvn -B -o test -Dtest=CasePageRenderBenchmark -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.calls},
 * default 2,000 per measurement after as many to warm up).
 */
@IntegrationTest
class CasePageRenderBenchmark {

	static final RequestPostProcessor CASEWORKER = user("sagsbehandler").roles("CASEWORKER");

	static final Locale DANISH = Locale.forLanguageTag("da");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServletContext servletContext;

	final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

	final int calls = Integer.getInteger("bench.calls", 2000);

	interface Call {

		void run() throws Exception;
	}

	/** Thread CPU per call in µs, after as many calls to warm up. */
	double measure(Call call) throws Exception {
		for (int i = 0; i < calls; i++) {
			call.run();
		}
		long t0 = cpu.getCurrentThreadCpuTime();
		for (int i = 0; i < calls; i++) {
			call.run();
		}
		return (cpu.getCurrentThreadCpuTime() - t0) / 1000.0 / calls;
	}

	@Autowired
	JteViews jte;

	String render(String viewName, Map<String, Object> model) throws Exception {
		View view = jte.resolveViewName(viewName, DANISH);
		MockHttpServletRequest request = new MockHttpServletRequest(servletContext);
		MockHttpServletResponse response = new MockHttpServletResponse();
		view.render(model, request, response);
		return response.getContentAsString();
	}

	void report(String what, Map<String, String> views, Map<String, Object> model, Call request) throws Exception {
		double whole = measure(request);
		System.out.printf("bench: %-52s %8.1f µs CPU per call%n", what + ": the whole request (MockMvc)", whole);
		for (var e : views.entrySet()) {
			assertThat(render(e.getValue(), model)).as(e.getValue()).isNotBlank();
			double us = measure(() -> render(e.getValue(), model));
			System.out.printf("bench: %-52s %8.1f µs CPU per call (%4.1f %% of the request)%n",
					what + ": " + e.getKey(), us, 100 * us / whole);
		}
	}

	@Test
	void casePageAndSearch() throws Exception {
		long id = jdbc.sql("""
				SELECT c.id FROM candidate c JOIN meeting m ON m.candidate_id = c.id
				WHERE c.team_id = (SELECT team_id FROM staff_user WHERE username = 'sagsbehandler')
				GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1""").query(Long.class).single();
		MvcResult page = mvc.perform(get("/cases/" + id).with(CASEWORKER)).andReturn();
		Map<String, Object> model = new HashMap<>(page.getModelAndView().getModel());
		Map<String, String> views = new LinkedHashMap<>();
		views.put("rendering, the whole page (jte)", CandidateController.CASE_PAGE);
		report("case page", views, model, () -> mvc.perform(get("/cases/" + id).with(CASEWORKER)));

		MvcResult search = mvc.perform(post("/cases").with(CASEWORKER).with(csrf()).param("q", "hansen")).andReturn();
		Map<String, Object> found = new HashMap<>(search.getModelAndView().getModel());
		Map<String, String> lists = new LinkedHashMap<>();
		lists.put("rendering, the whole page (jte)", CandidateListController.LIST);
		lists.put("the result list (jte)", CandidateListController.RESULTS);
		report("search", lists, found,
				() -> mvc.perform(post("/cases").with(CASEWORKER).with(csrf()).param("q", "hansen")));
	}
}
