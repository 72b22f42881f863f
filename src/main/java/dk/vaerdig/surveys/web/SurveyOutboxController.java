package dk.vaerdig.surveys.web;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What the development channel would have sent, for staff trying the loop without an SMS gateway. */
@Controller
class SurveyOutboxController {

	private final JdbcClient jdbc;

	SurveyOutboxController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record OutboxMessage(long id, String channel, String recipient, String body, java.time.Instant createdAt) {
	}

	@GetMapping("/surveys/outbox")
	@PreAuthorize("hasAnyRole('CASEWORKER','TEAM_LEAD','MANAGER','ADMIN')")
	String outbox(Model model) {
		model.addAttribute("messages", jdbc.sql("""
				SELECT id, channel, recipient, body, created_at FROM survey_outbox ORDER BY id DESC LIMIT 50""")
			.query(OutboxMessage.class)
			.list());
		return "surveys/outbox";
	}
}
