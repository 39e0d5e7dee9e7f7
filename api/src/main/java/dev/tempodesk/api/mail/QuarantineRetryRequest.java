package dev.tempodesk.api.mail;

import dev.tempodesk.api.validation.ValidAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A sender picked by hand for a quarantined message, in place of the one it arrived with.
 *
 * @param fromName optional display name
 */
public record QuarantineRetryRequest(
    @NotBlank @ValidAddress @Size(max = 320) String fromEmail, @Size(max = 200) String fromName) {}
