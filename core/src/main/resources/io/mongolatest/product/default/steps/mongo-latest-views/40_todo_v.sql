-- One row per latest to-do: what a claimant was asked to do, and by when.
CREATE OR REPLACE VIEW uc_mongo_latest.todo_v AS
SELECT
    get_json_object(t.id, '$.toDoId')                                               AS todo_id,
    get_json_object(t.val, '$.contractId')                                          AS contract_id,
    get_json_object(t.val, '$.type')                                                AS todo_type,
    get_json_object(t.val, '$.status')                                              AS todo_status,
    TRY_CAST(get_json_object(t.val, '$.dueDate') AS DATE)                           AS due_date,
    get_json_object(t.val, '$.createdBy')                                           AS created_by,
    TRY_CAST(TRY_CAST(get_json_object(t.val, '$.priority') AS DECIMAL(38, 0)) AS INT) AS priority,
    t.created                                                                       AS created_date_time,
    t.last_modified                                                                 AS last_modified_date_time,
    'LATEST'                                                                        AS status
FROM uc_mongo_latest.core_todo t;
