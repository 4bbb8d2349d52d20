package org.fieldsafety.fsca.cases;

/**
 * The kind of field safety corrective action. A software update answering a fault in marketed
 * software is an FSCA however it is installed (MDR Art. 89; MDCG 2023-3).
 */
public enum FscaAction {
    SOFTWARE_UPDATE,
    DEVICE_RECALL,
    DEVICE_MODIFICATION,
    ADVICE_ON_USE,
    DEVICE_EXCHANGE
}
