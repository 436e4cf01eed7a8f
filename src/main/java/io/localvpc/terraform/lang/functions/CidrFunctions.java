package io.localvpc.terraform.lang.functions;

import io.localvpc.terraform.lang.Type;
import io.localvpc.terraform.lang.Value;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** cidrsubnet, cidrsubnets, cidrhost, cidrnetmask: address arithmetic on IPv4 and IPv6 prefixes. */
public final class CidrFunctions {

    private CidrFunctions() {}

    public static List<Function> all() {
        return List.of(
                StrictFunction.named("cidrsubnet").param("prefix", Type.STRING).param("newbits", Type.NUMBER).param("netnum", Type.NUMBER)
                        .returns(Type.STRING).body(a -> {
                            IpPrefix prefix = prefix(a, false);
                            int newbits = Args.integer(a, 1);
                            BigInteger netnum = a.get(2).asNumber().toBigInteger();
                            return Value.string(subnet(prefix, newbits, netnum).toString());
                        }),
                StrictFunction.named("cidrsubnets").param("prefix", Type.STRING).variadic("newbits", Type.NUMBER)
                        .returns(Type.list(Type.STRING)).body(CidrFunctions::subnets),
                StrictFunction.named("cidrhost").param("prefix", Type.STRING).param("hostnum", Type.NUMBER).returns(Type.STRING).body(a -> {
                    IpPrefix prefix = prefix(a, false);
                    BigInteger hostnum = a.get(1).asNumber().toBigInteger();
                    BigInteger offset = hostnum.signum() < 0 ? prefix.size().add(hostnum) : hostnum;
                    if (offset.signum() < 0 || offset.compareTo(prefix.size()) >= 0) {
                        throw FunctionException.failed("prefix of " + prefix.length() + " does not accommodate a host numbered " + hostnum);
                    }
                    return Value.string(prefix.format(prefix.address().add(offset)));
                }),
                StrictFunction.named("cidrnetmask").param("prefix", Type.STRING).returns(Type.STRING).body(a -> {
                    IpPrefix prefix = prefix(a, false);
                    if (prefix.bits() != 32) {
                        throw FunctionException.failed("IPv6 addresses cannot have a netmask: " + a.get(0).asString());
                    }
                    BigInteger all = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
                    return Value.string(prefix.format(all.andNot(IpPrefix.hostMask(prefix.length(), 32))));
                }));
    }

    /** The prefix argument; Terraform reports a bad one as the call failing, except cidrsubnets (an argument error). */
    private static IpPrefix prefix(List<Value> a, boolean asArgumentError) {
        try {
            return IpPrefix.parse(a.get(0).asString());
        } catch (IllegalArgumentException e) {
            String message = "invalid CIDR expression: " + e.getMessage();
            throw asArgumentError ? FunctionException.argument(0, message) : FunctionException.failed(message);
        }
    }

    private static IpPrefix subnet(IpPrefix prefix, int newbits, BigInteger netnum) {
        int length = prefix.length() + newbits;
        if (newbits < 0 || length > prefix.bits()) {
            throw FunctionException.failed("insufficient address space to extend prefix of " + prefix.length() + " by " + newbits);
        }
        if (netnum.signum() < 0 || netnum.bitLength() > newbits) {
            throw FunctionException.failed("prefix extension of " + newbits + " does not accommodate a subnet numbered " + netnum);
        }
        return new IpPrefix(prefix.address().or(netnum.shiftLeft(prefix.bits() - length)), length, prefix.bits());
    }

    /** Consecutive subnets of the given sizes, each aligned to its own size, as Terraform allocates them. */
    private static Value subnets(List<Value> a) {
        IpPrefix prefix = prefix(a, true);
        BigInteger end = prefix.address().add(prefix.size());
        BigInteger next = prefix.address();
        List<Value> out = new ArrayList<>();
        for (int i = 1; i < a.size(); i++) {
            int newbits = Args.integer(a, i);
            int length = prefix.length() + newbits;
            if (newbits < 1) {
                throw FunctionException.argument(i, "must extend prefix by at least one bit");
            }
            if (newbits > 32) {
                throw FunctionException.argument(i, "may not extend prefix by more than 32 bits");
            }
            if (length > prefix.bits()) {
                throw FunctionException.argument(i, "would extend prefix to " + length + " bits, which is too long for an IPv"
                        + (prefix.bits() == 32 ? "4" : "6") + " address");
            }
            BigInteger size = BigInteger.ONE.shiftLeft(prefix.bits() - length);
            BigInteger start = next.add(size).subtract(BigInteger.ONE).divide(size).multiply(size);
            if (start.add(size).compareTo(end) > 0) {
                throw FunctionException.argument(i, "not enough remaining address space for a subnet with a prefix of " + length
                        + " bits after " + (out.isEmpty() ? prefix.toString() : out.get(out.size() - 1).asString()));
            }
            out.add(Value.string(new IpPrefix(start, length, prefix.bits()).toString()));
            next = start.add(size);
        }
        return Value.listOf(Type.STRING, out);
    }
}
