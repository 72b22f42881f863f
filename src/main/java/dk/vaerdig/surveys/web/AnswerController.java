package dk.vaerdig.surveys.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.surveys.SurveySettings;
import dk.vaerdig.surveys.internal.Answers;
import dk.vaerdig.surveys.internal.Answers.Outcome;
import dk.vaerdig.surveys.internal.Kiosks;
import dk.vaerdig.surveys.internal.Questionnaires;

/**
 * The candidate answers without logging in, on a phone or the lobby kiosk. A used, expired or unknown token gives a
 * friendly page; a second submit stores nothing more. The form posts to its own address, so no session is needed.
 */
@NoPersonalData("the public answer form, opened with the candidate's own one-time token; answers are anonymous")
@Controller
class AnswerController {

	private static final Logger log = LoggerFactory.getLogger(AnswerController.class);

	private final Answers answers;

	private final Questionnaires questionnaires;

	private final Kiosks kiosks;

	private final SurveySettings settings;

	AnswerController(Answers answers, Questionnaires questionnaires, Kiosks kiosks, SurveySettings settings) {
		this.answers = answers;
		this.questionnaires = questionnaires;
		this.kiosks = kiosks;
		this.settings = settings;
	}

	@GetMapping("/s/{token}")
	String form(@PathVariable String token, @RequestParam(required = false) String kiosk, Model model, Locale locale) {
		Outcome state = answers.check(token);
		if (state != Outcome.SAVED) {
			return closed(state, kiosk, model);
		}
		return formPage(new AnswerForm(Map.of(), null, false, null, "", ""), List.of(), kiosk, model, locale);
	}

	@PostMapping("/s/{token}")
	String submit(@PathVariable String token, @RequestParam(required = false) String kiosk,
			@RequestParam MultiValueMap<String, String> params, Model model, Locale locale, HttpServletResponse response) {
		var questionnaire = questionnaires.active(locale);
		AnswerForm form = AnswerForm.from(params, questionnaire);
		List<String> errors = form.errors();
		if (!errors.isEmpty()) {
			return formPage(form, errors, kiosk, model, locale);
		}
		Outcome outcome;
		try {
			outcome = answers.submit(token, form.toSubmission(kiosk != null ? Answers.Channel.KIOSK
					: "qr".equals(params.getFirst("via")) ? Answers.Channel.QR : Answers.Channel.LINK, locale.getLanguage()));
		}
		catch (RuntimeException e) {
			// the database is away for a moment: the candidate keeps what they filled in and can send it again
			log.warn("A survey answer could not be stored: {}", e.getClass().getSimpleName());
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return formPage(form, List.of("surveys.answer.error.notSaved"), kiosk, model, locale);
		}
		if (outcome != Outcome.SAVED) {
			return closed(outcome, kiosk, model);
		}
		if (kiosk != null) {
			kiosks.clear(kiosk);
		}
		model.addAttribute("kiosk", kiosk);
		model.addAttribute("contact", form.wantsContact() && Boolean.TRUE.equals(form.hasUnanswered()));
		return "surveys/thanks";
	}

	private String formPage(AnswerForm form, List<String> errors, String kiosk, Model model, Locale locale) {
		model.addAttribute("questionnaire", questionnaires.active(locale));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kiosk", kiosk);
		model.addAttribute("idleSeconds", settings.kioskIdleSeconds());
		model.addAttribute("scale", List.of(1, 2, 3, 4, 5));
		return "surveys/answer";
	}

	private String closed(Outcome state, String kiosk, Model model) {
		model.addAttribute("state", state);
		model.addAttribute("kiosk", kiosk);
		return "surveys/closed";
	}

	/** What the candidate filled in; kept as typed when something must be corrected. */
	record AnswerForm(Map<Long, Integer> scores, Boolean hasUnanswered, boolean wantsContact,
			Answers.ContactChannel contactChannel, String preferredTime, String comment) {

		static AnswerForm from(MultiValueMap<String, String> params, Questionnaires.Questionnaire questionnaire) {
			Map<Long, Integer> scores = new HashMap<>();
			for (var q : questionnaire.scaleQuestions()) {
				String value = params.getFirst("q" + q.id());
				if (value != null && value.matches("[0-5]")) {
					scores.put(q.id(), Integer.parseInt(value));
				}
			}
			String unanswered = params.getFirst("unanswered");
			Answers.ContactChannel channel = null;
			try {
				String c = params.getFirst("contactChannel");
				channel = c == null || c.isBlank() ? null : Answers.ContactChannel.valueOf(c);
			}
			catch (IllegalArgumentException e) {
				channel = null;
			}
			return new AnswerForm(scores, unanswered == null ? null : "yes".equals(unanswered),
					"yes".equals(params.getFirst("wantsContact")), channel, params.getFirst("preferredTime"),
					params.getFirst("comment"));
		}

		List<String> errors() {
			ArrayList<String> errors = new ArrayList<>();
			if (comment != null && comment.length() > 2000) {
				errors.add("surveys.answer.error.commentTooLong");
			}
			if (preferredTime != null && preferredTime.length() > 200) {
				errors.add("surveys.answer.error.timeTooLong");
			}
			if (Boolean.TRUE.equals(hasUnanswered) && wantsContact && contactChannel == null) {
				errors.add("surveys.answer.error.channel");
			}
			return errors;
		}

		public Integer score(long questionId) {
			return scores.get(questionId);
		}

		Answers.Submission toSubmission(Answers.Channel channel, String lang) {
			return new Answers.Submission(scores, hasUnanswered, wantsContact, contactChannel, preferredTime, comment,
					channel, lang);
		}
	}
}
