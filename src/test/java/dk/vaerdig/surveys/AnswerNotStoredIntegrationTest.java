package dk.vaerdig.surveys;

import static dk.vaerdig.Html.containsText;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.surveys.internal.Answers;

/**
 * When the database cannot store an answer, the candidate gets the form back with what they filled in and a message,
 * as 503 so a client retries; nothing is shown as saved. (A context of its own: the answers service is replaced.)
 */
@IntegrationTest
class AnswerNotStoredIntegrationTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Answers answers;

	@Test
	void theFormComesBackWithTheAnswersAndAMessage() throws Exception {
		given(answers.submit(anyString(), any())).willThrow(new DataAccessResourceFailureException("connection refused"));
		mvc.perform(post("/s/{token}", "some-token").param("q1", "4").param("unanswered", "no")
			.param("comment", "Min kommentar bliver her"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().string(containsText("Vi kunne ikke gemme dit svar lige nu")))
			.andExpect(content().string(containsText("Min kommentar bliver her")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsText("Tak for dit svar"))));
	}
}
