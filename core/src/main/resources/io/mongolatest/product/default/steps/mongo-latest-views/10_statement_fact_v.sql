-- One row per latest statement: what was paid for an assessment period, money as DECIMAL(18,2).
-- Only functions both engines have (docs/product-sql.md): get_json_object, TRY_CAST.
CREATE OR REPLACE VIEW uc_mongo_latest.statement_fact_v AS
SELECT
    get_json_object(s.id, '$.statementId')                                          AS statement_id,
    get_json_object(s.val, '$.contractId')                                          AS contract_id,
    get_json_object(s.val, '$.assessmentPeriod.assessmentPeriodId')                 AS assessment_period_id,
    TRY_CAST(get_json_object(s.val, '$.assessmentPeriod.startDate') AS DATE)        AS assessment_period_start_date,
    TRY_CAST(get_json_object(s.val, '$.assessmentPeriod.endDate') AS DATE)          AS assessment_period_end_date,
    TRY_CAST(get_json_object(s.val, '$.paymentDate') AS DATE)                       AS payment_date,
    get_json_object(s.val, '$.statementType')                                       AS statement_type,
    get_json_object(s.val, '$.status')                                              AS statement_status,
    TRY_CAST(get_json_object(s.val, '$.standardAllowance') AS DECIMAL(18, 2))       AS standard_allowance,
    TRY_CAST(get_json_object(s.val, '$.housingAmount') AS DECIMAL(18, 2))           AS housing_amount,
    TRY_CAST(get_json_object(s.val, '$.childElement') AS DECIMAL(18, 2))            AS child_element,
    TRY_CAST(get_json_object(s.val, '$.earningsDeduction') AS DECIMAL(18, 2))       AS earnings_deduction,
    TRY_CAST(get_json_object(s.val, '$.sanctionsAmount') AS DECIMAL(18, 2))         AS sanctions_amount,
    TRY_CAST(get_json_object(s.val, '$.advancesRepayment') AS DECIMAL(18, 2))       AS advances_repayment,
    TRY_CAST(get_json_object(s.val, '$.takeHomePay') AS DECIMAL(18, 2))             AS take_home_pay,
    s.created                                                                       AS created_date_time,
    s.last_modified                                                                 AS last_modified_date_time,
    'LATEST'                                                                        AS status
FROM uc_mongo_latest.core_statement s;
