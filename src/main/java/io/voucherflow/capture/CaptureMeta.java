package io.voucherflow.capture;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What the teller states with a scan. Branch and teller are not here: they come from the token.
 * {@code requestId} is the scanner's own id for the submission; resubmitting it returns the first
 * answer.
 */
public record CaptureMeta(
    @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "may hold letters, digits and . _ : -")
        String requestId,
    @NotBlank @Size(max = 64) String businessType,
    @DecimalMin(value = "0.01", message = "must be positive") @Digits(integer = 16, fraction = 2)
        BigDecimal declaredAmount) {}
