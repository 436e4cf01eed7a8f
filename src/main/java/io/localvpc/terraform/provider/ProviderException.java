package io.localvpc.terraform.provider;

/**
 * A failure the provider reports as Terraform would: a summary such as
 * {@code creating EC2 VPC: operation error EC2: CreateVpc, https response error StatusCode: 400,
 * RequestID: …, api error InvalidVpcRange: The CIDR '10.0.0.0/33' is invalid.} and an optional detail.
 */
public final class ProviderException extends RuntimeException {
    private final String detail;

    public ProviderException(String summary) {
        this(summary, null, null);
    }

    public ProviderException(String summary, String detail, Throwable cause) {
        super(summary, cause);
        this.detail = detail;
    }

    public String summary() {
        return getMessage();
    }

    /** More words under the summary, or null. */
    public String detail() {
        return detail;
    }
}
