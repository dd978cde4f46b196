-- answer_traces_created_at_id_idx (created_at, id) serves every query this index did; one less index to maintain per answer.
DROP INDEX "answer_traces_created_at_index";