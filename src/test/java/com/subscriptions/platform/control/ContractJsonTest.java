package com.subscriptions.platform.control;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's JSON of records: members in declaration order, snake_case, nulls written; texts, numbers, booleans,
 * nested records and lists written straight give what JSON-B gives for the rest.
 */
public class ContractJsonTest {

    public record Price(BigDecimal amount, String currency) {
    }

    public record Line(String productName, Integer quantity, Price unitPrice) {
    }

    public record Order(Long orderId, String customerName, Boolean paid, Integer itemCount, String note, Price total,
                 List<Line> lines, List<String> tags, Map<String, Integer> counts, @Unwrapped Price unwrapped) {
    }

    @Test
    void aRecordIsWrittenInDeclarationOrderWithEveryKindOfMember() {
        Order order = new Order(9_007_199_254_740_993L, "Zoë \"Z\" \\ Ünal", false, 2, null,
                new Price(new BigDecimal("19.90"), "EUR"),
                Arrays.asList(new Line("Pro", 1, new Price(new BigDecimal("9.95"), "EUR")), null),
                List.of("a", "b"), Map.of("x", 1), new Price(new BigDecimal("1E+3"), "USD"));
        assertThat(ContractJson.toJson(order)).isEqualTo("{\"order_id\":9007199254740993,"
                + "\"customer_name\":\"Zoë \\\"Z\\\" \\\\ Ünal\",\"paid\":false,\"item_count\":2,\"note\":null,"
                + "\"total\":{\"amount\":19.90,\"currency\":\"EUR\"},"
                + "\"lines\":[{\"product_name\":\"Pro\",\"quantity\":1,\"unit_price\":{\"amount\":9.95,"
                + "\"currency\":\"EUR\"}},null],\"tags\":[\"a\",\"b\"],\"counts\":{\"x\":1},"
                + "\"amount\":1E+3,\"currency\":\"USD\"}");
    }

    @Test
    void aListOfRecordsAtTheTopIsAnArrayOfObjects() {
        assertThat(ContractJson.toJson(List.of(new Price(BigDecimal.ONE, "EUR"))))
                .isEqualTo("[{\"amount\":1,\"currency\":\"EUR\"}]");
    }
}
