package dk.vaerdig.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.SqlStatements;
import dk.vaerdig.SqlStatements.Request;
import dk.vaerdig.WebSession;

/**
 * The candidate's overview needs no more SQL statements than a case page (issue 12; a case page needs at most 6 with
 * the session's, the audit log's and the page's own: CaseFileStatementsIntegrationTest), counted over real HTTP after the demo test login; so do the plan and the meetings, the pages a candidate opens
 * most after it.
 */
@IntegrationTest
class MinSideStatementsIntegrationTest {

	static final int MOST = 6;

	@LocalServerPort
	int port;

	@Test
	void theOverviewPlanAndMeetingsNeedNoMoreStatementsThanACasePage() {
		WebSession candidate = WebSession.anonymous(URI.create("http://localhost:" + port));
		candidate.loginAsDemoCandidate(1);
		for (String page : new String[] { "/min-side", "/min-side/plan", "/min-side/moeder" }) {
			assertThat(candidate.get(page).statusCode()).isEqualTo(200); // once, so what a first look stores is not counted
			Request request = SqlStatements.of(() -> assertThat(candidate.get(page).statusCode()).isEqualTo(200));
			System.out.println(request);
			assertThat(request.count()).as(request.toString()).isLessThanOrEqualTo(MOST);
			assertThat(request.statements()).as("the read is in the audit log").anyMatch(s -> s.contains("audit_entry"));
		}
	}
}
