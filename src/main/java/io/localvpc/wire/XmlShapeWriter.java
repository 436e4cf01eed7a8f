package io.localvpc.wire;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes an SDK response object as XML, element names and list wrappers taken from the field
 * metadata, so every EC2, IAM and STS output is spelled as AWS spells it ({@code vpcSet/item},
 * {@code Roles/member}).
 */
public final class XmlShapeWriter {
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final QueryDialect dialect;
    private final Set<String> urlEncodedMembers;

    /**
     * @param urlEncodedMembers member names whose string values AWS percent-encodes in responses
     *     (IAM's policy documents); the SDK metadata does not mark them.
     */
    public XmlShapeWriter(QueryDialect dialect, Set<String> urlEncodedMembers) {
        this.dialect = dialect;
        this.urlEncodedMembers = urlEncodedMembers;
    }

    void writeMembers(XmlOut xml, SdkPojo shape) {
        for (SdkField<?> field : shape.sdkFields()) {
            Object value = field.getValueOrDefault(shape);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            writeValue(xml, field, dialect.responseName(field), value);
        }
    }

    private void writeValue(XmlOut xml, SdkField<?> field, String element, Object value) {
        if (value instanceof SdkPojo pojo) {
            xml.open(element);
            writeMembers(xml, pojo);
            xml.close(element);
        } else if (value instanceof Collection<?> items) {
            SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
            xml.open(element);
            for (Object item : items) {
                writeValue(xml, member, dialect.responseListItem(), item);
            }
            xml.close(element);
        } else if (value instanceof Map<?, ?> map) {
            MapTrait trait = field.getRequiredTrait(MapTrait.class);
            xml.open(element);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                xml.open("entry");
                xml.text(trait.keyLocationName(), String.valueOf(entry.getKey()));
                writeValue(xml, trait.valueFieldInfo(), trait.valueLocationName(), entry.getValue());
                xml.close("entry");
            }
            xml.close(element);
        } else {
            String text = scalarText(value);
            // List members have no member name, and Set.of() refuses to look up null.
            if (field.memberName() != null && urlEncodedMembers.contains(field.memberName())) {
                text = PercentEncoding.encode(text);
            }
            xml.text(element, text);
        }
    }

    static String scalarText(Object value) {
        if (value instanceof Instant instant) {
            return ISO_MILLIS.format(instant);
        }
        if (value instanceof SdkBytes bytes) {
            return Base64.getEncoder().encodeToString(bytes.asByteArray());
        }
        return String.valueOf(value);
    }
}
