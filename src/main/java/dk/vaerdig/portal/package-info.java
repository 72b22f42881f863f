/**
 * The candidate's own pages (Min side): what a signed-in candidate sees of their own course, and only of their own.
 * The candidate logs in through the access module's candidate chain; this module reads their course, letters,
 * complaints and the use of their data through the published APIs of the modules that hold them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal (Min side)", allowedDependencies = { "platform",
		"access", "casework", "letters", "complaints", "messaging" })
package dk.vaerdig.portal;
