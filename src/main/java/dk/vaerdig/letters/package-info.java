/**
 * Letters in plain Danish: templates with versions and review, the plain-language analyser with the legal checks of a
 * decision letter, sending to a candidate through a pluggable delivery channel, and the batch audit of many letters.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Letters",
		allowedDependencies = { "platform", "access", "casework", "messaging" })
package dk.vaerdig.letters;
