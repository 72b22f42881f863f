package dk.vaerdig.surveys.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;

/** The invitations sent are messages to candidates: this old address shows them in the messaging outbox. */
@NoPersonalData("redirects to the messaging outbox")
@Controller
class SurveyOutboxController {

	@GetMapping("/surveys/outbox")
	@RequiresPermission(Permission.VIEW_SURVEY_OUTBOX)
	String outbox() {
		return "redirect:/messaging/outbox?purpose=survey-invitation";
	}
}
