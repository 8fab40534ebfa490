package dev.tangram.plugins.mrp;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An order MRP proposes. Dates are the first day of the receipt and release periods.
 *
 * @param item          item code
 * @param type          production for make items, purchase for buy items
 * @param receiptPeriod period the good quantity is needed in
 * @param receiptQty    good quantity (the lot-sized planned receipt)
 * @param orderQty      quantity to start: {@code receiptQty / yield}, rounded up to the unit
 * @param releasePeriod {@code receiptPeriod - leadTime}; 0 or below when past due
 * @param dueDate       first day of the receipt period
 * @param releaseDate   first day of the release period
 * @param pastDue       whether the release falls before period 1 (it is kept, never dropped)
 */
@JsonPropertyOrder({
  "item", "type", "receiptPeriod", "receiptQty", "orderQty", "releasePeriod", "dueDate",
  "releaseDate", "pastDue"
})
public record PlannedOrder(
    String item,
    PlannedOrderType type,
    int receiptPeriod,
    BigDecimal receiptQty,
    BigDecimal orderQty,
    int releasePeriod,
    @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate dueDate,
    @JsonFormat(shape = JsonFormat.Shape.STRING) LocalDate releaseDate,
    boolean pastDue) {}
